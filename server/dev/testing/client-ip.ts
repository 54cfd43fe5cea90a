import type { Context } from 'hono';

/** Tests play several clients through a header only the test harness honours. */
export const TEST_CLIENT_IP_HEADER = 'x-test-client-ip';

export const testClientIp = (c: Context): string => c.req.header(TEST_CLIENT_IP_HEADER) ?? '203.0.113.1';
