import { describe, expect, it } from 'vitest';
import { whenYes, yesNoOption } from '@/utils/profiles/common';
import { ABACUS_PROFILE, EMBURSE_SPEND_PROFILE, RAMP_PROFILE } from '@/utils/profiles/connectors';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import { IntegrationProfileSchema } from '@/utils/profiles/schema';

// A yes/no option is written once (utils/profiles/common.ts) and the profiles build theirs from it; the
// profiles' data is what it was when each wrote the option out in full.
describe('yes/no options', () => {
  const option = (profile: { options: readonly { id: string }[] }, id: string) =>
    IntegrationProfileSchema.parse(profile).options.find((o) => o.id === id);

  it('are the data the profiles wrote out before: values yes and no, the default listed first', () => {
    expect(option(RAMP_PROFILE, 'purchaseOrders')).toStrictEqual({
      id: 'purchaseOrders',
      label: 'Import purchase orders',
      help: 'Ramp can import purchase orders from Intacct’s Purchasing application and match bills to them; only then does its user need Purchasing.',
      choices: [
        { value: 'no', label: 'No' },
        { value: 'yes', label: 'Yes' },
      ],
      default: 'no',
    });
    const cards = {
      id: 'cardTransactions',
      label: 'Sync corporate card transactions',
      help: 'Only then does the guide need the Charge Card module and a charge card account in Intacct.',
      choices: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
      default: 'yes',
    };
    expect(option(EMBURSE_SPEND_PROFILE, 'cardTransactions')).toStrictEqual(cards);
    expect(option(ABACUS_PROFILE, 'cardTransactions')).toStrictEqual(cards);
    expect(whenYes('purchaseOrders')).toStrictEqual([{ option: 'purchaseOrders', in: ['yes'] }]);
  });

  it('every built-in option answered yes or no has the one shape', () => {
    const yesNo = BUILT_IN_PROFILES.flatMap((p) => p.options).filter((o) => o.choices.every((c) => c.value === 'yes' || c.value === 'no'));
    expect(yesNo.length).toBeGreaterThanOrEqual(3);
    for (const o of yesNo) {
      expect(o).toStrictEqual(yesNoOption({ id: o.id, label: o.label, help: o.help, default: o.default as 'yes' | 'no' }));
    }
  });
});
