/**
 * Thrown when the data or the options give the evaluation nothing sound to stand on (no timestamp,
 * a window too long).
 */
export class EvaluationInputError extends Error {}
