import { readFileSync } from 'node:fs';

/**
 * A process's CPU time so far (user + system, all threads, in ms) from /proc: on a machine shared
 * with other work, CPU spent per request moves far less than requests per second.
 */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in ticks of 10 ms (USER_HZ 100)
}

/** A process's resident memory, in MB. */
export const processRssMb = (pid: number): number => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
