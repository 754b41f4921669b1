import type { IntegrationProfile } from './schema';
import { ABACUS_PROFILE } from './connectors/abacus';
import { BILL_SPEND_PROFILE } from './connectors/bill-spend-expense';
import { BREX_PROFILE } from './connectors/brex';
import { DATABASICS_PROFILE } from './connectors/databasics';
import { EMBURSE_SPEND_PROFILE } from './connectors/emburse-spend';
import { EXPENSEIN_PROFILE } from './connectors/expensein';
import { FYLE_PROFILE } from './connectors/fyle';
import { GORILLA_EXPENSE_PROFILE } from './connectors/gorilla-expense';
import { RAMP_PROFILE } from './connectors/ramp';
import { TALLIE_PROFILE } from './connectors/tallie';

// Published connector requirements from docs/intacct.md#requirements-by-connector, one module a vendor
// under connectors/ (the steps their guides share in connectors/steps.ts). Each profile holds only what its
// sources state; whatever they leave out is in knownGaps, never filled in from another vendor.

export {
  ABACUS_PROFILE,
  BILL_SPEND_PROFILE,
  BREX_PROFILE,
  DATABASICS_PROFILE,
  EMBURSE_SPEND_PROFILE,
  EXPENSEIN_PROFILE,
  FYLE_PROFILE,
  GORILLA_EXPENSE_PROFILE,
  RAMP_PROFILE,
  TALLIE_PROFILE,
};

export const CONNECTOR_PROFILES: readonly IntegrationProfile[] = [
  RAMP_PROFILE,
  BREX_PROFILE,
  BILL_SPEND_PROFILE,
  EXPENSEIN_PROFILE,
  GORILLA_EXPENSE_PROFILE,
  EMBURSE_SPEND_PROFILE,
  DATABASICS_PROFILE,
  FYLE_PROFILE,
  TALLIE_PROFILE,
  ABACUS_PROFILE,
];
