// Pure: the catalogue of /api/v1 endpoints: path, method, scope, and the Zod schemas of its query, body and answer.
// Route handlers validate with these schemas and the OpenAPI document is generated from this table, so what is
// documented is what is checked.
import type { z } from 'zod';
import type { ApiScope } from '@/lib/api/scope';
import {
  bulletinListQuerySchema,
  bulletinMonthSchema,
  enterprisesQuerySchema,
  planQuerySchema,
  pushValuesSchema,
  registryCountsQuerySchema,
  registryPushSchema,
  taskProgressQuerySchema,
  valuesQuerySchema,
} from '@/lib/schemas/api/requests';
import {
  bulletinListResponseSchema,
  bulletinResponseSchema,
  enterprisesResponseSchema,
  planResponseSchema,
  pushValuesResponseSchema,
  registryCountsResponseSchema,
  registryPushResponseSchema,
  taskProgressResponseSchema,
  valuesResponseSchema,
} from '@/lib/schemas/api/responses';

export interface Endpoint {
  id: string;
  method: 'get' | 'post';
  /** OpenAPI path template. */
  path: string;
  scope: ApiScope;
  summary: string;
  query?: z.ZodType;
  /** Path parameters (`{month}`). */
  params?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Writes: accept an Idempotency-Key. */
  idempotent?: boolean;
}

export const endpoints = {
  plan: { id: 'getPlan', method: 'get', path: '/plan', scope: 'read', summary: 'The plan: units, groups, tasks, indicators with milestones', query: planQuerySchema, response: planResponseSchema },
  values: {
    id: 'listValues',
    method: 'get',
    path: '/values',
    scope: 'read',
    summary: 'Approved monthly figures, oldest first, paginated by a stable cursor',
    query: valuesQuerySchema,
    response: valuesResponseSchema,
  },
  pushValues: {
    id: 'pushValues',
    method: 'post',
    path: '/values',
    scope: 'report',
    summary: 'Push monthly figures of one unit and month: saved and submitted into the bureau review queue (never approved)',
    body: pushValuesSchema,
    response: pushValuesResponseSchema,
    idempotent: true,
  },
  taskProgress: { id: 'getTaskProgress', method: 'get', path: '/tasks/progress', scope: 'read', summary: "Each task's latest approved progress from its lead units", query: taskProgressQuerySchema, response: taskProgressResponseSchema },
  bulletins: { id: 'listBulletins', method: 'get', path: '/bulletins', scope: 'read', summary: 'Published monthly bulletins (月通报)', query: bulletinListQuerySchema, response: bulletinListResponseSchema },
  bulletin: { id: 'getBulletin', method: 'get', path: '/bulletins/{month}', scope: 'read', summary: "A published bulletin's frozen content", params: bulletinMonthSchema, response: bulletinResponseSchema },
  registryCounts: {
    id: 'getRegistryCounts',
    method: 'get',
    path: '/registry/counts',
    scope: 'read',
    summary: 'Monthly counts of firms holding a qualification, computed from the registry, in total and by town or park',
    query: registryCountsQuerySchema,
    response: registryCountsResponseSchema,
  },
  enterprises: { id: 'listEnterprises', method: 'get', path: '/registry/enterprises', scope: 'read', summary: 'Firms of the registry, 50 a page', query: enterprisesQuerySchema, response: enterprisesResponseSchema },
  registryImport: {
    id: 'pushRegistryRows',
    method: 'post',
    path: '/registry/imports',
    scope: 'registry',
    summary: 'Push enterprise rows into the registry import: dryRun plans, commit writes every row or none',
    body: registryPushSchema,
    response: registryPushResponseSchema,
    idempotent: true,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
