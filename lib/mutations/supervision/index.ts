// Server only. The supervision domain's writes, one job per file.
import 'server-only';
export { raiseSupervision } from './raise';
export { answerSupervision } from './answer';
export { closeSupervision, returnSupervision } from './close';
export { extendSupervision } from './extend';
