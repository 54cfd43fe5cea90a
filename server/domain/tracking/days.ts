/** The UTC calendar day (`YYYY-MM-DD`) of an epoch-millisecond time: rollups and reports use UTC days. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** SQL for the same day of an epoch-millisecond column, so rows and rollups agree. */
export const SQL_UTC_DAY = (column: string) => `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
