// Placeholder until the panel issue: shows the server's live /healthz answer, as is.
const output = document.querySelector<HTMLPreElement>('#health');

async function showHealth(target: HTMLPreElement): Promise<void> {
  try {
    const response = await fetch('/healthz', { cache: 'no-store' });
    const body: unknown = await response.json();
    target.textContent = `HTTP ${response.status}\n${JSON.stringify(body, null, 2)}`;
  } catch (error) {
    target.textContent = `The server did not answer /healthz: ${String(error)}`;
  }
}

if (output) void showHealth(output);
