import { formatRef, type SourceRef } from '../../core/location.js';
import type { WebFacts } from './types.js';

/** The web facts as `pycrane inspect` prints them: one per line, each with where it came from. */
export function formatWeb(web: WebFacts): string[] {
  const lines: string[] = [];
  const add = (label: string, value: string, source?: SourceRef) => {
    const where = formatRef(source);
    lines.push(`${label.padEnd(13)} ${value}${where ? `  (${where})` : ''}`);
  };
  const { app, celery, services } = web;
  if (app) {
    add('web app', `${app.framework.value} (${app.interface.toUpperCase()})`, app.framework.source);
    add('app target', `${app.target.value}${app.factory ? '()  [factory]' : ''}${app.importRoot ? `  [from ${app.importRoot}/]` : ''}`, app.target.source);
    add('server', `${app.server.value}${app.serverInstalled ? '' : ' (not a dependency: the image adds it)'}`, app.server.source);
    add('port', `${app.port.value}${app.port.source ? '' : ' (default)'}`, app.port.source);
    add('health path', `${app.healthPath.value}${app.healthPath.source ? '' : ' (default)'}`, app.healthPath.source);
    const d = app.django;
    if (d) {
      add('settings', d.settingsFile ? `${d.settingsModule.value} (${d.settingsFile})` : `${d.settingsModule.value} (file not found)`, d.settingsModule.source);
      add('static root', d.staticRoot ? d.staticRoot.value : 'not set (collectstatic has nowhere to write)', d.staticRoot?.source);
      add('admin', d.admin ? `yes${d.adminPath ? ` (${d.adminPath})` : ''}` : 'no');
      add('whitenoise', d.whitenoise ? 'yes (the app serves its static files)' : 'no');
      if (d.envVars.length > 0) add('settings env', d.envVars.join(', '));
    }
  } else {
    add('web app', 'none found');
  }
  if (celery) {
    const broker = celery.broker ? `, broker ${celery.broker.scheme ?? 'unknown'}${celery.broker.envVar ? ` from ${celery.broker.envVar}` : ''}` : '';
    add('celery', `${celery.target.value}${broker}`, celery.target.source);
  }
  for (const s of services) add('service', `${s.kind}: ${s.reason.value}${s.envVar ? ` (URL in ${s.envVar})` : ''}`, s.reason.source);
  return lines;
}
