export * from '@xiaowang/shared/varbind';
