// Runs the CLI (or another Node script) as a user does, from the project root, and collects what it prints.
import { type ChildProcess, spawn } from 'node:child_process'
import { REPO_ROOT } from './corpus.ts'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const running = new Set<ChildProcess>()

/** For afterEach: a test that times out must not leave its child auditing in the background. */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env })
    running.add(child)
    child.on('exit', () => running.delete(child))
    let stdout = ''
    let stderr = ''
    child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d))
    child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** `disclosure-audit …` without colours. */
export function runCli(args: string[]): Promise<Run> {
  return runNode(['bin/disclosure-audit.js', ...args], { ...process.env, NO_COLOR: '1' })
}
