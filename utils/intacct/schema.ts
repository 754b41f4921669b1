import { z } from '@/utils/zod';

// Shapes of a parsed gateway reply, as loose as real replies are (docs/intacct.md#reply-shapes: real replies are looser
// than the DTD). The parser runs with parseTagValue: false, so every leaf is a string; an element
// that also has attributes arrives as an object with '#text'.
const text = z
  .union([z.string(), z.object({ '#text': z.string().optional() }).loose()])
  .transform((value) => (typeof value === 'string' ? value : (value['#text'] ?? '')).trim());

const optionalText = text.optional().transform((value) => value ?? '');

// errorno can be free text ("Query Failed"), and gateway errors carry only errorno + description
// (docs/intacct.md#reply-shapes, sample gateway-http401-sign-in-incorrect.xml).
const errorObject = z
  .object({
    errorno: optionalText,
    description: optionalText,
    description2: optionalText,
    correction: optionalText,
  })
  .loose()
  .transform(({ errorno, description, description2, correction }) => ({
    errorno,
    description,
    description2,
    correction,
  }));

export const gatewayErrorSchema = z
  .union([z.literal(''), errorObject])
  .transform((value) =>
    value === '' ? { errorno: '', description: '', description2: '', correction: '' } : value,
  );

export type GatewayError = z.infer<typeof gatewayErrorSchema>;

// <errormessage/> parses to ''; the parser's isArray makes <error> always a list.
export const errorMessageSchema = z
  .union([z.literal(''), z.object({ error: z.array(gatewayErrorSchema).optional() }).loose()])
  .optional()
  .transform((value): GatewayError[] => (value === undefined || value === '' ? [] : (value.error ?? [])));

// Only status is certain: a gateway 401 reply has no senderid or controlid, and PL04000055 came
// with them empty (docs/intacct.md#replies-with-http-400-and-401, docs/intacct.md#reply-shapes).
export const controlSchema = z
  .object({
    status: text,
    senderid: text.optional(),
    controlid: text.optional(),
    uniqueid: text.optional(),
    dtdversion: text.optional(),
  })
  .loose();

// locationid is often empty and sessiontimeout is missing from older replies (docs/intacct.md#api-sessions).
export const authenticationSchema = z
  .object({
    status: text,
    userid: text.optional(),
    companyid: text.optional(),
    locationid: text.optional(),
    sessiontimestamp: text.optional(),
    sessiontimeout: text.optional(),
  })
  .loose();

// status may be success, failure or aborted; a failed result may carry data and errormessage
// together (docs/intacct.md#reply-shapes). data stays raw: its shape depends on the function.
export const resultSchema = z
  .object({
    status: text,
    function: optionalText,
    controlid: optionalText,
    data: z.unknown().optional(),
    errormessage: errorMessageSchema,
  })
  .loose();

export const operationSchema = z
  .object({
    authentication: authenticationSchema.optional(),
    errormessage: errorMessageSchema,
    result: z.array(resultSchema).optional(),
  })
  .loose();

// DTD: response (control, (operation+ | errormessage)). Both are optional here so a reply that breaks
// the DTD is still classified from what it does hold.
export const responseSchema = z.object({
  response: z
    .object({
      control: controlSchema,
      operation: z.array(operationSchema).optional(),
      errormessage: errorMessageSchema,
    })
    .loose(),
});

export type ParsedResponse = z.infer<typeof responseSchema>;
export type ParsedResult = z.infer<typeof resultSchema>;

// getAPISession data (docs/intacct.md#api-sessions). Every child of <data> is parsed as a list (see response.ts).
export const apiSessionDataSchema = z
  .object({
    api: z
      .array(
        z
          .object({ sessionid: text, endpoint: optionalText, locationid: optionalText })
          .loose(),
      )
      .min(1),
  })
  .loose();

// getUserPermissions data (docs/intacct.md#getuserpermissions): rights are pipe-delimited.
const policySchema = z.object({ policyName: optionalText, rights: optionalText }).loose();
const appSubscriptionSchema = z
  .object({
    applicationName: optionalText,
    policies: z
      .union([z.literal(''), z.object({ policy: z.array(policySchema).optional() }).loose()])
      .optional(),
  })
  .loose();

export const userPermissionsDataSchema = z
  .object({
    permissions: z
      .array(
        z.union([
          z.literal(''),
          z.object({ appSubscription: z.array(appSubscriptionSchema).optional() }).loose(),
        ]),
      )
      .min(1),
  })
  .loose();
