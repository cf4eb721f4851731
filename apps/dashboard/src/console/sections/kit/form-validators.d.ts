/** Generated at build time by form-validators.plugin.ts: one Ajv validate function per form schema. */
declare module 'virtual:console-form-validators' {
  import type { ErrorObject } from 'ajv';
  interface CompiledValidator {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  }
  export const region: CompiledValidator;
  export const department: CompiledValidator;
  export const item: CompiledValidator;
  export const officer: CompiledValidator;
  export const user: CompiledValidator;
  export const display: CompiledValidator;
  export const jointMeeting: CompiledValidator;
  export const meetingResolution: CompiledValidator;
  export const resolutionDone: CompiledValidator;
  export const countyReport: CompiledValidator;
  export const countyReportEdit: CompiledValidator;
  export const countyReportAck: CompiledValidator;
  export const countyReportGuidance: CompiledValidator;
  export const countyReportSettings: CompiledValidator;
}
