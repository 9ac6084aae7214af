export * from './sim/snmprec.ts';
export * from './walks/build.ts';
export * from './walks/school.ts';
