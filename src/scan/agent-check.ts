// Whether the ssh-agent at SSH_AUTH_SOCK answers, asked once per run before any node is contacted. A stale
// socket (an agent that died with its session) is left out of every login, and the auth error says why: node-ssh
// would otherwise fail a whole connect on the agent error that ssh2 itself would survive.
import ssh2 from 'ssh2';

const TIMEOUT_MS = 3000;

/** Null when the agent answers with its keys, else why it cannot be used. */
export function agentProblem(socket: string): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`the agent at ${socket} did not answer within 3 s`), TIMEOUT_MS);
    try {
      new ssh2.OpenSSHAgent(socket).getIdentities((error) => {
        clearTimeout(timer);
        resolve(error ? `the agent at ${socket} does not answer: ${error.message}` : null);
      });
    } catch (error) {
      clearTimeout(timer);
      resolve(`the agent at ${socket} does not answer: ${(error as Error).message}`);
    }
  });
}
