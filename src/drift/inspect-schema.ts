import { z } from 'zod';

// Permissive subsets of the Engine API inspect payloads (design §3, "zod"): only the fields we read,
// every one optional and nullable, unknown fields kept, so engine versions can add or drop fields.
const strings = z.array(z.string()).nullish();
const stringMap = z.record(z.string(), z.string()).nullish();

const healthcheck = z
  .looseObject({
    Test: strings,
    Interval: z.number().nullish(),
    Timeout: z.number().nullish(),
    StartPeriod: z.number().nullish(),
    Retries: z.number().nullish(),
  })
  .nullish();

const config = z
  .looseObject({
    Image: z.string().nullish(),
    Env: strings,
    Labels: stringMap,
    Cmd: strings,
    Entrypoint: strings,
    User: z.string().nullish(),
    WorkingDir: z.string().nullish(),
    Healthcheck: healthcheck,
    Volumes: z.record(z.string(), z.unknown()).nullish(),
  })
  .nullish();

const portBinding = z.looseObject({ HostIp: z.string().nullish(), HostPort: z.string().nullish() });

const hostConfig = z
  .looseObject({
    Binds: strings,
    PortBindings: z.record(z.string(), z.array(portBinding).nullish()).nullish(),
    RestartPolicy: z.looseObject({ Name: z.string().nullish(), MaximumRetryCount: z.number().nullish() }).nullish(),
    NetworkMode: z.string().nullish(),
    CapAdd: strings,
    CapDrop: strings,
    Devices: z
      .array(
        z.looseObject({
          PathOnHost: z.string().nullish(),
          PathInContainer: z.string().nullish(),
          CgroupPermissions: z.string().nullish(),
        }),
      )
      .nullish(),
    Privileged: z.boolean().nullish(),
    ExtraHosts: strings,
    Dns: strings,
    Tmpfs: stringMap,
    Sysctls: stringMap,
    Ulimits: z
      .array(z.looseObject({ Name: z.string().nullish(), Soft: z.number().nullish(), Hard: z.number().nullish() }))
      .nullish(),
    LogConfig: z.looseObject({ Type: z.string().nullish(), Config: stringMap }).nullish(),
    Mounts: z
      .array(
        z.looseObject({
          Type: z.string().nullish(),
          Source: z.string().nullish(),
          Target: z.string().nullish(),
          ReadOnly: z.boolean().nullish(),
        }),
      )
      .nullish(),
  })
  .nullish();

/** `docker container inspect` (one element of the array), as much as drift detection reads. */
export const containerInspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string().nullish(),
  Image: z.string().nullish(),
  State: z.looseObject({ Status: z.string().nullish() }).nullish(),
  Config: config,
  HostConfig: hostConfig,
  Mounts: z
    .array(
      z.looseObject({
        Type: z.string().nullish(),
        Name: z.string().nullish(),
        Source: z.string().nullish(),
        Destination: z.string().nullish(),
        RW: z.boolean().nullish(),
      }),
    )
    .nullish(),
  NetworkSettings: z.looseObject({ Networks: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});

/** `docker image inspect`, as much as image-default subtraction reads. */
export const imageInspectSchema = z.looseObject({ Id: z.string().nullish(), Config: config });

export type ContainerInspect = z.infer<typeof containerInspectSchema>;
export type ImageInspect = z.infer<typeof imageInspectSchema>;
