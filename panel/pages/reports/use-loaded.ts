import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../../api.ts';

/** Loads what `load` answers whenever `key` changes, dropping answers that came back too late. */
export function useLoaded<T>(key: string, load: (signal: AbortSignal) => Promise<T>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data: T | null; error: string | null }>({ key: '', data: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ key, data, error: null }),
      (error: unknown) => !controller.signal.aborted && setState({ key, data: null, error: messageOf(error) }),
    );
    return () => controller.abort();
  }, [key]);
  return state.key === key ? state : { data: null, error: null };
}
