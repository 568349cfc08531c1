import { DomainError, type Locale, type Problem } from '../errors/problem.js';
import { type Actor, type Role, roleLabel } from './roles.js';

/**
 * The machinery shared by the period and the assessment workflows. Both are tables of transitions
 * (the dhis2 approval app's idea: states as data, with the actions each state allows), and both
 * check a request the same way, in the same order, so that one mistake always gives the same error:
 *
 *   unknown action → invalid-input · role never allowed that action → forbidden ·
 *   action not possible from the current state → conflict · (workflow-specific guards) ·
 *   missing reason → invalid-input.
 *
 * Role comes before state because a role that can never take an action should hear "not your role"
 * whatever the state; state conflicts come before a missing reason because no reason would help.
 */

export type Labels<Key extends string> = Readonly<Record<Key, Readonly<Record<Locale, string>>>>;

export interface TransitionRule<State extends string, Action extends string> {
  action: Action;
  /** The states the action may be taken from. */
  from: readonly State[];
  to: State;
  /** The roles that may take it; the unit or indicator the actor may act on is `decide`'s concern. */
  roles: readonly Role[];
  /** A written reason is kept in the audit trail, e.g. why a submission was sent back. */
  reasonRequired: boolean;
}

export interface WorkflowTable<State extends string, Action extends string, Rule extends TransitionRule<State, Action>> {
  actions: readonly Action[];
  transitions: readonly Rule[];
  stateLabels: Labels<State>;
  actionLabels: Labels<Action>;
}

export interface TransitionRequestBase {
  action: string;
  from: string;
  actor: Actor;
  reason?: string | undefined;
}

/** A label, or the key itself when it is unknown (bad data is shown, not hidden). */
export function labelOf<Key extends string>(labels: Labels<Key>, key: string, locale: Locale): string {
  return Object.hasOwn(labels, key) ? labels[key as Key][locale] : key;
}

/** The action's name in both languages, for problem parameters ({action} and {actionEn}). */
export function actionParams<Key extends string>(labels: Labels<Key>, action: string): { action: string; actionEn: string } {
  return { action: labelOf(labels, action, 'vi'), actionEn: labelOf(labels, action, 'en') };
}

export function stateParams<Key extends string>(labels: Labels<Key>, state: string): { state: string; stateEn: string } {
  return { state: labelOf(labels, state, 'vi'), stateEn: labelOf(labels, state, 'en') };
}

export function listLabels<Key extends string>(labels: Labels<Key>, keys: readonly string[], locale: Locale): string {
  return keys.map((key) => labelOf(labels, key, locale)).join(', ');
}

export function findRule<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  action: string,
  from: string,
): Rule | undefined {
  return table.transitions.find((rule) => rule.action === action && (rule.from as readonly string[]).includes(from));
}

/** Checks action, role and current state; returns the matching rule or throws a DomainError. */
export function resolveTransition<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  request: TransitionRequestBase,
): Rule {
  const { action, from, actor } = request;
  const rulesOfAction = table.transitions.filter((rule) => rule.action === action);
  if (rulesOfAction.length === 0) {
    throw new DomainError('invalid-input', [
      { code: 'workflow.unknown-action', params: { actionCode: action, known: table.actions.join(', ') } },
    ]);
  }
  const roles = [...new Set(rulesOfAction.flatMap((rule) => rule.roles))];
  if (!roles.includes(actor.role)) {
    throw new DomainError('forbidden', [
      {
        code: 'workflow.role-not-allowed',
        params: {
          ...actionParams(table.actionLabels, action),
          role: roleLabel(actor.role, 'vi'),
          roleEn: roleLabel(actor.role, 'en'),
          allowed: roles.map((role) => roleLabel(role, 'vi')).join(', '),
          allowedEn: roles.map((role) => roleLabel(role, 'en')).join(', '),
        },
      },
    ]);
  }
  const rule = findRule(table, action, from);
  if (!rule) {
    throw new DomainError('conflict', [
      {
        code: 'workflow.transition-not-allowed',
        params: {
          ...actionParams(table.actionLabels, action),
          ...stateParams(table.stateLabels, from),
          actionCode: action,
          stateCode: from,
        },
      },
    ]);
  }
  return rule;
}

/** A reason counts only if it says something: whitespace is no reason. */
export function reasonProblem<State extends string, Action extends string>(
  labels: Labels<Action>,
  rule: TransitionRule<State, Action>,
  reason: string | undefined,
): Problem | undefined {
  if (!rule.reasonRequired || reason?.trim()) return undefined;
  return { code: 'workflow.reason-required', params: actionParams(labels, rule.action) };
}

/** Every problem with the request's own input at once, so the user fixes them in one go. */
export function throwInputProblems(problems: readonly (Problem | undefined)[]): void {
  const found = problems.filter((problem): problem is Problem => problem !== undefined);
  if (found.length > 0) throw new DomainError('invalid-input', found);
}

/** The actions a role may take from a state, in table order, each once. */
export function actionsFrom<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  state: string,
  role: Role | undefined,
  extra: (rule: Rule) => boolean = () => true,
): Action[] {
  if (role === undefined) return [];
  const actions = table.transitions
    .filter((rule) => (rule.from as readonly string[]).includes(state) && rule.roles.includes(role) && extra(rule))
    .map((rule) => rule.action);
  return [...new Set(actions)];
}
