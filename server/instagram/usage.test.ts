import { expect, it } from 'vitest';
import { readUsage } from './usage.ts';

it('reads the highest usage percentage and the time to regain access', () => {
  const headers = new Headers({
    'x-app-usage': '{"call_count": 28, "total_cputime": 25, "total_time": 25}',
    'x-business-use-case-usage': '{"1784":[{"type":"instagram","call_count":85,"total_cputime":20,"total_time":25,"estimated_time_to_regain_access":7}]}',
  });
  expect(readUsage(headers)).toEqual({ percent: 85, regainAccessMs: 7 * 60_000 });
  expect(readUsage(new Headers({ 'x-app-usage': 'not json' }))).toEqual({ percent: 0, regainAccessMs: 0 });
  expect(readUsage(new Headers())).toEqual({ percent: 0, regainAccessMs: 0 });
});
