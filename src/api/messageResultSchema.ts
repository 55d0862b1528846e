import { looseObject, string } from './validators';

// Its own file: recovery's first step (sendRecoveryCode) checks its answer with it and loads with
// the page; were it in ./schemas, every schema the later steps use would load with the page too (a
// module shared by the page and a later chunk goes to the page whole).
/** A `{ message }` acknowledgement. */
export const messageResultSchema = () => looseObject({ message: string() });
