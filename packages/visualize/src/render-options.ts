import type { Model } from '@liteml/graph-ir';
import type { ProfileReport, QuantReport } from './overlays';

export interface RenderOptions {
  /** Page title (default: the model's description, else 'model'); the CLI passes the file name. */
  title?: string;
  /** Per-node timings: colors nodes by time (see README, "Profile JSON"). */
  profile?: ProfileReport;
  /** Per-layer quantization error: colors nodes by error. */
  quantReport?: QuantReport;
  /** Highlight what changed from `base` to the rendered model. */
  diff?: { base: Model; label?: string };
  /** Decode the first values of constants into the page (default true). */
  constantPreviews?: boolean;
}
