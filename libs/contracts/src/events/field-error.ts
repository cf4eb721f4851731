/** A rejection that names the field (dotted path, e.g. `data.channel`) and the reason. */
export interface FieldError {
  path: string;
  message: string;
}
