/**
 * What one load covers: a county, narrowed to the schools whose ids lie in [from, to]
 * (a batch of the job, or the one school of the evidence endpoint).
 */
export interface LoadScope {
  readonly countyId: number;
  readonly schools?: { readonly from: number; readonly to: number };
}
