import type { DigestContent } from './content.ts';

/**
 * Dashboard addresses: `base` is XIAOWANG_PUBLIC_URL, '' for links relative to the dashboard
 * (the admin page's preview), or undefined when there is none to give.
 */
export interface DigestLinks {
  readonly dashboard: string | undefined;
  school(id: number): string | undefined;
}

export function digestLinks(content: DigestContent, base: string | undefined): DigestLinks {
  const date = `?date=${content.day}`;
  const { scope } = content;
  const page = scope.kind === 'town' ? `/towns/${scope.townId}` : `/counties/${content.county.id}`;
  return {
    dashboard: base === undefined ? undefined : `${base}${page}${date}`,
    school: (id) => (base === undefined ? undefined : `${base}/schools/${id}${date}`),
  };
}
