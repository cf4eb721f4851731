/**
 * The version of the rule set: stamped on every finding so that a card can always be explained by
 * the rules in force when it was raised. Bump it whenever a rule's logic, level or default changes.
 */
export const RULESET_VERSION = '2025.1.0';
