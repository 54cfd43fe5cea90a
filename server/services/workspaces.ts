import type { WorkspaceSettings } from '../db/schema.ts';

/** Defaults a new workspace starts with; every one is editable in the panel's settings. */
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  clickWindowHours: 7 * 24,
  viewWindowHours: 24,
  holdoutShare: 0,
  eventRetentionDays: 395,
};
