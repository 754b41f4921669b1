import type { IntegrationProfile } from '../schema';
import { PERMISSION_MODEL_OPTION } from '../common';
import { CARD_TRANSACTIONS_OPTION, unknownSenderStep, webServicesSubscriptionStep, XML_GATEWAY_WS_USER, xmlGatewayGuideSteps } from './steps';

export const ABACUS_PROFILE: IntegrationProfile = {
  id: 'abacus',
  name: 'Abacus',
  vendor: 'Abacus',
  source: {
    title: 'Setting up an Intacct Integration (Abacus Support)',
    citation: 'support.abacus.com 12511003141261',
    url: 'https://support.abacus.com/hc/en-us/articles/12511003141261-Setting-up-an-Intacct-Integration',
  },
  summary:
    'Abacus signs in as a dedicated web services user (its ID may start with XML_Gateway); card transactions also need the Charge Card module and a charge card account.',
  options: [PERMISSION_MODEL_OPTION, CARD_TRANSACTIONS_OPTION],
  steps: [
    webServicesSubscriptionStep('Abacus'),
    ...xmlGatewayGuideSteps('Abacus'),
    unknownSenderStep('Abacus'),
  ],
  senderIds: [],
  subscriptions: [{ name: 'Web Services', why: 'Abacus’s guide requires the Web Services subscription.' }],
  permissions: [],
  // The guide publishes no list of rights: nothing can be called excess.
  permissionsComplete: false,
  wsUser: XML_GATEWAY_WS_USER,
  knownGaps: [
    'The sender ID to authorize is not stated.',
    'The permission list is not published: neither the applications nor the rights the user needs are stated.',
    'User type and admin privileges are not stated.',
  ],
};
