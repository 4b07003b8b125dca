// Context: node (bench). What the numbers were measured on: CPU model, cores, memory, load,
// Chromium and Node versions.
import { readFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { findChromium } from '../tests/harness/chromium';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  loadAvg: number[];
  chromium: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    /* not Linux */
  }
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    /* keep unknown */
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
    chromium,
    node: process.version,
  };
}
