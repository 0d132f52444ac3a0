// Server only. The supervision domain's reads.
import 'server-only';
export { listSupervision, listRaisers, listOverdueSupervision, getSupervisionExport } from './list';
export { getSupervisionItem, getRaiseChoices, type SupervisionItemDto, type SupervisionEventDto, type RaiseChoicesDto } from './item';
export type { SupervisionRowDto, SupervisionTargetDto } from './load';
