import type { Page } from 'playwright-core';

/**
 * What a walk through a page with the Tab key found: the visible, enabled controls that never got
 * focus, the controls that got focus without a visible sign of it, the focus that landed on
 * something the user cannot see, and a place where Tab stopped moving (a focus trap).
 */
export interface KeyboardWalk {
  presses: number;
  focused: number;
  unreached: string[];
  focusNotVisible: string[];
  focusOnHidden: string[];
  trappedAt: string | null;
}

interface Tracker {
  order: Element[];
  reached: Set<Element>;
  focusedStyle: Map<Element, string[]>;
  blurredStyle: Map<Element, string[]>;
  hidden: Set<Element>;
}

/**
 * Presses Tab from the top of the page until focus comes back to the first control (or `maxPresses`
 * is reached) and reports what a keyboard user could not reach or could not see. Composite widgets
 * with a roving tabindex (tabs, radio groups, menus, and lists marked `data-roving-focus` that move
 * focus with the arrow keys) are one Tab stop, reached when any of their members is. A focus sign is an outline or a box shadow on the focused control (or on the label
 * that stands for a visually hidden input), or a change of its border or background colour.
 */
export async function walkByKeyboard(page: Page, options: { maxPresses?: number } = {}): Promise<KeyboardWalk> {
  const maxPresses = options.maxPresses ?? 400;
  // Transitions would show the colours half-way at the moment focus arrives.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => {
    const styleOf = (element: Element): string[] => {
      const related = [element];
      if (element instanceof HTMLInputElement) {
        for (const label of element.labels ?? []) related.push(label);
        if (element.nextElementSibling) related.push(element.nextElementSibling);
      }
      // A text field's frame may be its wrapper, drawn by :focus-within (a password field with its toggle).
      if (element instanceof HTMLInputElement && element.parentElement) related.push(element.parentElement);
      // A multi-select's typing field sits in its pills, inside the frame that :focus-within colours.
      const frame = element instanceof HTMLInputElement ? element.closest('.mantine-Input-input') : null;
      if (frame && frame !== element && frame !== element.parentElement) related.push(frame);
      return related.map((candidate) => {
        const style = getComputedStyle(candidate);
        const outline = style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) === 0 ? 'none' : 'outline';
        return [outline, style.boxShadow, style.borderTopColor, style.borderBottomColor, style.backgroundColor].join('|');
      });
    };
    const shown = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const tracker: Tracker = {
      order: [],
      reached: new Set(),
      focusedStyle: new Map(),
      blurredStyle: new Map(),
      hidden: new Set(),
    };
    (window as unknown as { keyboardWalk: Tracker }).keyboardWalk = tracker;
    document.addEventListener(
      'focusin',
      (event) => {
        const element = event.target as Element;
        tracker.order.push(element);
        tracker.reached.add(element);
        if (!tracker.focusedStyle.has(element)) tracker.focusedStyle.set(element, styleOf(element));
        const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
        if (!shown(element) && !labels.some(shown) && !(element.nextElementSibling && shown(element.nextElementSibling))) {
          tracker.hidden.add(element);
        }
      },
      true,
    );
    document.addEventListener(
      'focusout',
      (event) => {
        const element = event.target as Element;
        if (!tracker.blurredStyle.has(element)) tracker.blurredStyle.set(element, styleOf(element));
      },
      true,
    );
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });

  let presses = 0;
  let trappedAt: string | null = null;
  let stuck = 0;
  let focusMoves = 0;
  for (; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const { order } = (window as unknown as { keyboardWalk: Tracker }).keyboardWalk;
      const active = document.activeElement;
      return {
        moves: order.length,
        cycled: order.length > 1 && order.at(-1) === order[0] && active === order[0],
        onControl: Boolean(active && active !== document.body),
        active: active ? active.outerHTML.slice(0, 160) : '',
      };
    });
    if (state.cycled) break;
    // Tab pressed on a control and focus went nowhere: a trap.
    stuck = state.onControl && state.moves === focusMoves ? stuck + 1 : 0;
    focusMoves = state.moves;
    if (stuck >= 3) {
      trappedAt = state.active;
      break;
    }
  }
  return page.evaluate(
    ({ presses, trappedAt }) => {
      const tracker = (window as unknown as { keyboardWalk: Tracker }).keyboardWalk;
      // The last control has not been left yet: leave it, so its unfocused look is known.
      (document.activeElement as HTMLElement | null)?.blur();

      const describe = (element: Element): string => {
        const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])].map((label) => label.textContent) : [];
        const name =
          element.getAttribute('aria-label') ??
          (labels.join(' ') ||
            element.textContent?.trim() ||
            element.getAttribute('placeholder') ||
            element.getAttribute('title') ||
            element.getAttribute('name') ||
            '');
        const role = element.getAttribute('role');
        return `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}: ${name.replace(/\s+/g, ' ').slice(0, 80)}`;
      };
      const shown = (element: Element): boolean => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      };
      const enabled = (element: Element): boolean =>
        !(element as HTMLButtonElement).disabled &&
        !element.closest('fieldset:disabled, [inert]') &&
        element.getAttribute('aria-disabled') !== 'true';
      const isHiddenInput = (element: Element) =>
        element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
      const visible = (element: Element): boolean =>
        shown(element) ||
        (isHiddenInput(element) &&
          ([...((element as HTMLInputElement).labels ?? [])].some(shown) ||
            Boolean(element.nextElementSibling && shown(element.nextElementSibling))));

      // A roving tabindex makes a composite widget one Tab stop; so does a list that says it moves
      // focus with the arrow keys itself (data-roving-focus).
      const COMPOSITE =
        '[role=tablist], [role=radiogroup], [role=listbox], [role=menu], [role=menubar], [role=tree], [role=grid], [data-roving-focus]';
      const reachedTogether = (element: Element): boolean => {
        if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
          const name = element.name;
          if (
            [...tracker.reached].some(
              (other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === name,
            )
          )
            return true;
        }
        const composite = element.closest(COMPOSITE);
        return Boolean(composite && [...tracker.reached].some((other) => composite.contains(other)));
      };

      const CONTROLS =
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=menuitem], [tabindex]';
      const unreached = [...document.querySelectorAll(CONTROLS)]
        .filter((element) => visible(element) && enabled(element) && !element.closest('[aria-hidden=true]'))
        .filter((element) => !tracker.reached.has(element) && !reachedTogether(element))
        .map(describe);

      const focusNotVisible = [...tracker.reached]
        .filter((element) => !tracker.hidden.has(element))
        .filter((element) => {
          const focused = tracker.focusedStyle.get(element) ?? [];
          const blurred = tracker.blurredStyle.get(element) ?? [];
          return !focused.some((style, index) => {
            const [outline, shadow] = style.split('|');
            return (
              outline !== 'none' || (shadow !== 'none' && shadow !== blurred[index]?.split('|')[1]) || style !== blurred[index]
            );
          });
        })
        .map(describe);

      return {
        presses,
        focused: tracker.reached.size,
        unreached: [...new Set(unreached)],
        focusNotVisible: [...new Set(focusNotVisible)],
        focusOnHidden: [...new Set([...tracker.hidden].map(describe))],
        trappedAt,
      };
    },
    { presses, trappedAt },
  );
}

/** The walk's findings only, empty when a keyboard user can reach and see everything. */
export function keyboardProblems(walk: KeyboardWalk): Partial<KeyboardWalk> {
  const { unreached, focusNotVisible, focusOnHidden, trappedAt } = walk;
  return Object.fromEntries(
    Object.entries({ unreached, focusNotVisible, focusOnHidden, trappedAt }).filter(([, value]) =>
      Array.isArray(value) ? value.length > 0 : value !== null,
    ),
  );
}
