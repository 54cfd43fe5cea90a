import { fileURLToPath } from 'node:url';
import { measurePanelSize, PANEL_BUDGETS } from '../panel-size.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';
import { measureWidgetSize, WIDGET_BUDGETS } from '../widget-size.ts';

/** Gzip sizes of the built widget and panel (the same budgets npm test enforces). */
export const sizes: Section = async () => {
  const dist = fileURLToPath(new URL('../../dist/public', import.meta.url));
  const widget = measureWidgetSize(dist);
  const panel = measurePanelSize(dist);
  return {
    results: {
      widget_loader_gzip_bytes: widget.loaderGzipBytes,
      widget_initial_gzip_bytes: widget.initialGzipBytes,
      widget_lazy_gzip_bytes: widget.lazyGzipBytes,
      panel_initial_js_gzip_bytes: panel.initialJsGzipBytes,
      panel_initial_css_gzip_bytes: panel.initialCssGzipBytes,
    },
    targets: {
      widget_loader_gzip_bytes: target(is('<=', WIDGET_BUDGETS.loaderGzipBytes), 'enforced in npm test'),
      widget_initial_gzip_bytes: target(is('<=', WIDGET_BUDGETS.initialGzipBytes), 'enforced in npm test'),
      widget_lazy_gzip_bytes: target(is('<=', WIDGET_BUDGETS.lazyGzipBytes), 'enforced in npm test'),
      panel_initial_js_gzip_bytes: target(is('<=', PANEL_BUDGETS.initialJsGzipBytes), 'enforced in npm test'),
    },
    notes: [`Initial widget files: ${widget.initialFiles.join(', ')}`],
  };
};
