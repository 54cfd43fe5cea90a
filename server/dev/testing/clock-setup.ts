import { inject } from 'vitest';
import { startTestClocksAt } from './clock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** VITRINE_TEST_CLOCK_START, resolved once by vitest.config.ts: where every test clock starts. */
    testClockStart: number;
  }
}

// Both vitest projects (Node and workerd) run this before each test file.
startTestClocksAt(inject('testClockStart'));
