// The one base of errors that carry a code and its values instead of a sentence: the studio and the CLI word them
// from their own tables (English and Chinese); `message` is the English wording (logs, the CLI, tests).

/** A coded error's values: what its sentence names (a file, a tensor, a setting and its range…). */
export type CodedErrorParams = Readonly<Record<string, string | number | undefined>>;

/** The values a message table fills in: strings and numbers only (a checkpoint problem leaves its unused fields out). */
export function wordableParams(params: object): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );
}

export class CodedError<Code extends string = string, Params extends object = CodedErrorParams> extends Error {
  constructor(
    /** The problem, as the feature's table keys it ('shape-mismatch', 'checkpoint-tensor-shape'…). */
    readonly code: Code,
    /** The values its sentence names; undefined fields are left out on the wire. */
    readonly params: Readonly<Params>,
    message: string,
    /** The graph node at fault, when there is one (the editor selects it). */
    readonly nodeId?: string,
  ) {
    super(message);
    // The subclass's own name (TemplateShapeError…), for logs and tests, without each one setting it.
    this.name = new.target.name;
  }

  /**
   * The code as the interfaces' tables know it: `code`, under its feature's prefix where several features' codes
   * could meet ('onnx-not-onnx', 'weights-shape-mismatch'). Subclasses with a prefix override this.
   */
  get tableCode(): string {
    return this.code;
  }
}
