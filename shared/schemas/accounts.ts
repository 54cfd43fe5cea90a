/**
 * Validation of the admin API's account inputs, shared by the server (which enforces it) and the
 * panel (which checks forms before sending). The widget never imports this file.
 */
import { z } from 'zod';
import { PANEL_LOCALES } from '../panel-locales.ts';

export const ROLE_NAMES = ['owner', 'merchandiser', 'analyst'] as const;

/** Trimmed and lower-cased before it is checked, so ` Pat@Example.com` signs in as pat@example.com. */
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Long enough to resist guessing, short enough that hashing it cannot be used to burn CPU. */
const newPassword = z.string().min(10, 'must be at least 10 characters').max(200);

export const signInInput = z.strictObject({ email, password: z.string().min(1).max(200) });

export const setupInput = z.strictObject({
  /** From the setup link the server printed (`/panel/#setup-token=…`); checked by the route (403). */
  setupToken: z.string().max(200).optional(),
  workspaceName: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  email,
  password: newPassword,
});

export const changePasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword });

export const inviteInput = z.strictObject({ email, role: z.enum(ROLE_NAMES) });

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(20).max(100),
  name: z.string().trim().min(1).max(100),
  password: newPassword,
});

export const changeRoleInput = z.strictObject({ role: z.enum(ROLE_NAMES) });

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(['orders:write', 'events:write'])).min(1),
});

export const switchWorkspaceInput = z.strictObject({ workspaceId: z.string().min(1).max(64) });

/** The signed-in user's own settings; `locale: null` lets the panel follow the browser's language. */
export const updateMeInput = z.strictObject({ locale: z.enum(PANEL_LOCALES).nullable() });
