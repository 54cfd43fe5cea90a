/**
 * How a connection discovers the business account behind a user token: `GET /me`,
 * `GET /me/accounts` (the Facebook Pages the user manages) and `GET /{page-id}`, each exposing
 * `instagram_business_account{id,username}`.
 */
import type { GraphCall, GraphDeps, Json } from './call.ts';
import { graphErrors } from './errors.ts';
import type { FieldNode } from './fields.ts';

export function accountRoutes(deps: GraphDeps) {
  const { account } = deps;

  function page(fields: FieldNode[] | undefined): Json {
    const out: Json = {};
    for (const field of fields ?? [{ name: 'id', modifiers: {} }, { name: 'name', modifiers: {} }]) {
      switch (field.name) {
        case 'id':
          out.id = account.pageId;
          break;
        case 'name':
          out.name = deps.appName;
          break;
        case 'category':
          out.category = 'Home Decor';
          break;
        case 'tasks':
          out.tasks = ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'];
          break;
        case 'instagram_business_account': {
          const ig: Json = {};
          for (const sub of field.fields ?? [{ name: 'id', modifiers: {} }]) {
            if (sub.name === 'id') ig.id = account.igUserId;
            else if (sub.name === 'username') ig.username = account.username;
            else throw graphErrors.nonexistingField(sub.name, 'ShadowIGUser');
          }
          out.instagram_business_account = ig;
          break;
        }
        default:
          throw graphErrors.nonexistingField(field.name, 'Page');
      }
    }
    return out;
  }

  return {
    me(call: GraphCall): Json {
      const out: Json = {};
      for (const field of call.fields ?? [{ name: 'id', modifiers: {} }, { name: 'name', modifiers: {} }]) {
        if (field.name === 'id') out.id = deps.fbUserId;
        else if (field.name === 'name') out.name = 'Demo Owner';
        else throw graphErrors.nonexistingField(field.name, 'User');
      }
      return out;
    },
    accounts(call: GraphCall): Json {
      const data = [page(call.fields)];
      return { data, paging: { cursors: { before: btoa(account.pageId), after: btoa(account.pageId) } } };
    },
    page: (call: GraphCall): Json => page(call.fields),
  };
}
