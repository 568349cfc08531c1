/**
 * A framework's outline for the tree view and the editor: main indices under their groups, in the
 * framework's order, each with its position in the document (the editor edits by position). Those
 * without a group, or naming an unknown one, come last.
 */
export function groupMainIndices<T extends { group?: string | undefined }>(
  groups: readonly { code: string; name: string }[],
  mainIndices: readonly T[],
): { code: string | null; name: string | null; mainIndices: { item: T; position: number }[] }[] {
  const positioned = mainIndices.map((item, position) => ({ item, position }));
  const sections = groups.map((group) => ({
    code: group.code as string | null,
    name: group.name as string | null,
    mainIndices: positioned.filter(({ item }) => item.group === group.code),
  }));
  const ungrouped = positioned.filter(({ item }) => !item.group || !groups.some((group) => group.code === item.group));
  if (ungrouped.length > 0) sections.push({ code: null, name: null, mainIndices: ungrouped });
  return sections.filter((section) => section.mainIndices.length > 0);
}
