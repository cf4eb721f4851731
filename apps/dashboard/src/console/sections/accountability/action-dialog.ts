/** One field of an action dialog (appeal, reply, close, refuse, answer, conclude, decide). */
export interface ActionField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'choice' | 'switch' | 'date' | 'select';
  /** 'choice' and 'select': the values offered ('select' also takes a typed value when `allowCreate`). */
  options?: { value: string; label: string }[];
  allowCreate?: boolean;
  /** The value the field starts with ('' by default; a 'choice' starts with its first option). */
  initial?: string;
}

/** What an action dialog asks and sends; `send` gets the values by field name. */
export interface ActionRequest {
  title: string;
  fields: ActionField[];
  send: (body: Record<string, unknown>) => Promise<unknown>;
}
