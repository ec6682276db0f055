// AppSync JavaScript resolver for Query.getDocument: reads the tracking table by id.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ document_id: ctx.args.id }) };
}

export function response(ctx) {
  const item = ctx.result || {};
  return { id: item.document_id, status: item.status, class: item.document_class };
}
