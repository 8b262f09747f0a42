// A report still loading (a progress bar) or failed (the error with a retry); nothing once it has data.
import type { Resource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';

export function Pending({ resource: r, label }: { resource: Resource<unknown>; label: string }) {
  return r.error != null ? (
    <ErrorNotice error={r.error} onRetry={r.reload} />
  ) : r.loading ? (
    <ProgressBar label={label} value={null} />
  ) : null;
}
