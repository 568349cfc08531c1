import { DomainError, formatMessage, type Locale, type Problem } from '../errors/problem.js';
import { type Capability, decide, denialProblem, type ResourceContext } from './capabilities.js';
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
  /**
   * The capability the actor needs on the resource (its unit, for an assessment), checked by
   * `decide` before the role and the state: a route refuses with 403 what the policy never grants.
   * Every rule of one action names the same capability.
   */
  capability: Capability;
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

type RuleOrRefusal<Rule> =
  | { rule: Rule }
  | {
      refusal: 'unknown-action' | 'role-not-allowed' | 'wrong-state';
      kind: 'invalid-input' | 'forbidden' | 'conflict';
      problem: Problem;
    };

/** Action, role and current state, in that order: the matching rule, or why there is none. */
function matchTransition<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  request: TransitionRequestBase,
): RuleOrRefusal<Rule> {
  const { action, from, actor } = request;
  const rulesOfAction = table.transitions.filter((rule) => rule.action === action);
  if (rulesOfAction.length === 0) {
    return {
      refusal: 'unknown-action',
      kind: 'invalid-input',
      problem: { code: 'workflow.unknown-action', params: { actionCode: action, known: table.actions.join(', ') } },
    };
  }
  const roles = [...new Set(rulesOfAction.flatMap((rule) => rule.roles))];
  if (!roles.includes(actor.role)) {
    return {
      refusal: 'role-not-allowed',
      kind: 'forbidden',
      problem: {
        code: 'workflow.role-not-allowed',
        params: {
          ...actionParams(table.actionLabels, action),
          role: roleLabel(actor.role, 'vi'),
          roleEn: roleLabel(actor.role, 'en'),
          allowed: roles.map((role) => roleLabel(role, 'vi')).join(', '),
          allowedEn: roles.map((role) => roleLabel(role, 'en')).join(', '),
        },
      },
    };
  }
  const rule = findRule(table, action, from);
  if (!rule) return { refusal: 'wrong-state', kind: 'conflict', problem: notFromHereProblem(table, action, from) };
  return { rule };
}

function notFromHereProblem<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  action: string,
  from: string,
): Problem {
  return {
    code: 'workflow.transition-not-allowed',
    params: {
      ...actionParams(table.actionLabels, action),
      ...stateParams(table.stateLabels, from),
      actionCode: action,
      stateCode: from,
    },
  };
}

/** Checks action, role and current state; returns the matching rule or throws a DomainError. */
export function resolveTransition<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  request: TransitionRequestBase,
): Rule {
  const match = matchTransition(table, request);
  if ('rule' in match) return match.rule;
  throw new DomainError(match.kind, [match.problem]);
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

/** The capability an action needs, from the table; undefined for an action the table does not know. */
export function capabilityOf<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  action: string,
): Capability | undefined {
  return table.transitions.find((rule) => rule.action === action)?.capability;
}

/**
 * Why an action is not open to this actor now: a closed set, each with its message in the problem
 * catalogue, so that a page can say why a button is disabled in the words the server would refuse with.
 * - `missing-capability`: the policy does not let the actor do this here (role, unit, scope);
 * - `role-not-allowed`: the workflow gives the action to other roles;
 * - `wrong-state`: not possible from the current state;
 * - `period-state`: the period is in a state that does not allow it;
 * - `deadline-passed`: the self-assessment deadline has passed;
 * - `undecided-indicators`, `unanswered-requests`, `not-all-finalised`, `no-participants`: guards
 *   that need data (finalise, submit the supplementation, publish);
 * - `awaiting-unit`: the indicator waits for the unit's supplementation (decided once sent back);
 * - `no-data-undecided`: publish waits while a unit that entered nothing has no decision of the
 *   manager (not participating, or scored as zero);
 * - `rebuttal-pending`: finalising waits for the rebuttal round (results not sent, window still
 *   open, or a contest unanswered);
 * - `rebuttal-off`: the period holds no rebuttal round.
 */
export const ACTION_BLOCKS = [
  'missing-capability',
  'role-not-allowed',
  'wrong-state',
  'period-state',
  'deadline-passed',
  'undecided-indicators',
  'unanswered-requests',
  'not-all-finalised',
  'no-participants',
  'awaiting-unit',
  'no-data-undecided',
  'rebuttal-pending',
  'rebuttal-off',
] as const;
export type ActionBlock = (typeof ACTION_BLOCKS)[number];

/** An allowed action says whether it asks for a written reason (the table's `reasonRequired`). */
export type ActionVerdict =
  | { allowed: true; reasonRequired?: boolean }
  | { allowed: false; reason: ActionBlock; problem: Problem };

export const ALLOWED_ACTION: ActionVerdict = { allowed: true };

export function blocked(reason: ActionBlock, problem: Problem): ActionVerdict {
  return { allowed: false, reason, problem };
}

export interface ActionQuestion<Rule> {
  /** The actor, or undefined for the anonymous public (who may take no action). */
  actor: Actor | undefined;
  /** The current state of the period or assessment. */
  state: string;
  /** What the action is on, for the capability check (the assessment's unit). */
  resource?: ResourceContext;
  /** Checks of one workflow that need more than the table (period state, deadline, data guards), in order. */
  guards?: (rule: Rule) => ActionVerdict;
}

/**
 * May this actor take this action now, and if not, why? The state comes first: an action nobody may
 * take from here is `wrong-state` whoever asks, so that a page offers only the actions of this state
 * (and shows those of another role disabled, with why). Then capability → role → guards, the order in
 * which a request is refused. The written reason (`reasonRequired`) is asked when the action is taken.
 */
export function evaluateAction<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  action: Action,
  question: ActionQuestion<Rule>,
): ActionVerdict {
  const { actor, state } = question;
  const capability = capabilityOf(table, action);
  if (capability !== undefined && !findRule(table, action, state)) {
    return blocked('wrong-state', notFromHereProblem(table, action, state));
  }
  if (actor === undefined || capability === undefined) {
    return blocked('missing-capability', denialProblem(capability ?? action, actor ? 'forbidden' : 'unauthenticated'));
  }
  if (!decide(actor, capability, question.resource).allowed) {
    return blocked('missing-capability', denialProblem(capability, 'forbidden', actor.role));
  }
  const match = matchTransition(table, { action, from: state, actor });
  if (!('rule' in match))
    return blocked(match.refusal === 'role-not-allowed' ? 'role-not-allowed' : 'wrong-state', match.problem);
  const verdict = question.guards ? question.guards(match.rule) : ALLOWED_ACTION;
  return verdict.allowed && match.rule.reasonRequired ? { allowed: true, reasonRequired: true } : verdict;
}

/** Every action of a table judged for one actor now, in table order. */
export function evaluateActions<State extends string, Action extends string, Rule extends TransitionRule<State, Action>>(
  table: WorkflowTable<State, Action, Rule>,
  question: ActionQuestion<Rule>,
): { action: Action; verdict: ActionVerdict }[] {
  return table.actions.map((action) => ({ action, verdict: evaluateAction(table, action, question) }));
}

/** An action closed to the reader, with why, worded in the reader's language as a sentence of its own. */
export interface DeniedAction<Action extends string> {
  action: Action;
  reason: ActionBlock;
  message: string;
}

/** A verdict as a response carries it: `allowed`, and when not, the reason and its message. */
export type PresentedVerdict = { allowed: true } | { allowed: false; reason: ActionBlock; message: string };

const asSentence = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

export function presentVerdict(verdict: ActionVerdict, locale: Locale): PresentedVerdict {
  return verdict.allowed
    ? { allowed: true }
    : { allowed: false, reason: verdict.reason, message: asSentence(formatMessage(verdict.problem, locale)) };
}

/** Judged actions as a response carries them: the allowed ones, and each other one with its reason. */
export function presentActions<Action extends string>(
  judged: readonly { action: Action; verdict: ActionVerdict }[],
  locale: Locale,
): { allowedActions: Action[]; reasonRequired: Action[]; deniedActions: DeniedAction<Action>[] } {
  const deniedActions: DeniedAction<Action>[] = [];
  for (const { action, verdict } of judged) {
    const presented = presentVerdict(verdict, locale);
    if (!presented.allowed) deniedActions.push({ action, reason: presented.reason, message: presented.message });
  }
  return {
    allowedActions: judged.filter(({ verdict }) => verdict.allowed).map(({ action }) => action),
    reasonRequired: judged.filter(({ verdict }) => verdict.allowed && verdict.reasonRequired).map(({ action }) => action),
    deniedActions,
  };
}
