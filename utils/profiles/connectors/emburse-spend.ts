import type { IntegrationProfile } from '../schema';
import { PERMISSION_MODEL_OPTION } from '../common';
import { CARD_TRANSACTIONS_OPTION, senderStep, webServicesSubscriptionStep, XML_GATEWAY_WS_USER, xmlGatewayGuideSteps } from './steps';

// The enhanced connector's articles (44356576934925, 44365154562445) name the EmburseMPP sender but leave the
// user and its permissions to an article the reference does not hold; the classic article (4424760178573)
// gives the user, the permission-model branch and the charge card account. Both are recorded; neither
// publishes the rights.

export const EMBURSE_SPEND_SENDER_ID = 'EmburseMPP';

export const EMBURSE_SPEND_PROFILE: IntegrationProfile = {
  id: 'emburse-spend',
  name: 'Emburse Spend',
  vendor: 'Emburse',
  source: {
    title: 'Get Started with the Emburse Intacct Connector (Emburse Spend Help Center)',
    citation: 'help.spend.emburse.com 44356576934925 (enhanced connector)',
    url: 'https://help.spend.emburse.com/hc/en-us/articles/44356576934925-Get-Started-with-the-Emburse-Intacct-Connector',
  },
  moreSources: [
    {
      title: 'Configure the Emburse Intacct Connector (Emburse Spend Help Center)',
      citation: 'help.spend.emburse.com 44365154562445 (enhanced connector)',
      url: 'https://help.spend.emburse.com/hc/en-us/articles/44365154562445-Configure-the-Emburse-Intacct-Connector',
    },
    {
      title: 'Connect Sage Intacct to Emburse Spend (Emburse Spend Help Center)',
      citation: 'help.spend.emburse.com 4424760178573 (classic configuration)',
      url: 'https://help.spend.emburse.com/hc/en-us/articles/4424760178573-Connect-Sage-Intacct-to-Emburse-Spend',
    },
  ],
  summary:
    'Emburse Spend’s Intacct connector signs in as a dedicated web services user (its ID may start with XML_Gateway), authorized by the EmburseMPP sender ID; card transactions also need a charge card account.',
  options: [PERMISSION_MODEL_OPTION, CARD_TRANSACTIONS_OPTION],
  steps: [
    webServicesSubscriptionStep('Emburse Spend'),
    ...xmlGatewayGuideSteps('Emburse Spend'),
    senderStep('Emburse Spend', EMBURSE_SPEND_SENDER_ID),
    {
      id: 'connect',
      title: 'Configure the connector in Emburse Spend',
      pageKinds: [],
      menuPath: { older: 'In Emburse Spend: Company Settings > Accounting Integration > Configure Settings' },
      instructions: [
        'In Emburse Spend, open Company Settings > Accounting Integration and choose Configure Settings.',
        'No Configure Settings button? Your account uses the classic configuration, whose article names no sender ID: ask Emburse which one to authorize.',
      ],
      manual: true,
    },
  ],
  senderIds: [
    {
      id: EMBURSE_SPEND_SENDER_ID,
      caseSensitive: true,
      note: 'As the enhanced connector’s articles spell it; the classic configuration’s article names no sender ID.',
    },
  ],
  subscriptions: [{ name: 'Web Services', why: 'Emburse Spend’s guide requires the Web Services subscription.' }],
  permissions: [],
  // The guide has rights ticked on its user or role but publishes no list: nothing can be called excess.
  permissionsComplete: false,
  wsUser: XML_GATEWAY_WS_USER,
  knownGaps: [
    'The permission list is not published: neither the applications nor the rights the user needs are stated.',
    'User type and admin privileges are not stated.',
    'The classic configuration’s article names no sender ID; EmburseMPP comes from the enhanced connector’s articles.',
    'The enhanced connector describes creating its user in a further article (“Connect Your Sage Intacct Account to Emburse Spend with the Emburse Intacct Connector”) that this profile does not draw on.',
  ],
};
