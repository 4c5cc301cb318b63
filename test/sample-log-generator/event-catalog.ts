/**
 * The Windows events the generator writes, as data: provider, channel, id, level, field shape
 * and message template in each display language. IDs, providers, channels, field layouts and
 * English templates follow ../shared/reference/events.md; where it says "not found" the choice
 * made here is listed in `assumptions` and repeated in the scenario READMEs.
 */
import { vmlNamespace, type EventPayload, type ProviderInfo } from './gen-event.js';
import { inventText, inventWord } from './invent-words.js';
import type { Locale } from './scenario-types.js';

/** The languages whose message templates are written out here (the invented one is derived). */
type WrittenLocale = Exclude<Locale, 'x-invented'>;

export const providers = {
  highAvailability: { name: 'Microsoft-Windows-Hyper-V-High-Availability' },
  vmms: { name: 'Microsoft-Windows-Hyper-V-VMMS', guid: '{6066F867-7CA1-4418-85FD-36E3F9C0600C}' },
  failoverClustering: {
    name: 'Microsoft-Windows-FailoverClustering',
    guid: '{BAF908EA-3421-4CA9-9B84-6689B8C6F85F}',
  },
  serviceControlManager: {
    name: 'Service Control Manager',
    guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
    eventSourceName: 'Service Control Manager',
  },
} satisfies Record<string, ProviderInfo>;

export const channels = {
  system: 'System',
  highAvailability: 'Microsoft-Windows-Hyper-V-High-Availability-Admin',
  vmms: 'Microsoft-Windows-Hyper-V-VMMS-Admin',
  clusterOperational: 'Microsoft-Windows-FailoverClustering/Operational',
} as const;

/** Choices made where events.md has no source; each scenario README repeats them. */
export const assumptions = [
  'Hyper-V-High-Availability: events.md gives no provider GUID, levels, channel for 21300-21315 or XML shape. The generator writes no Guid attribute, puts every HA event in Microsoft-Windows-Hyper-V-High-Availability-Admin, uses Information (4) for start/complete/phase events and 21122 and Error (2) for failures, and writes the fields as unnamed EventData <Data> elements in %1, %2, ... order.',
  'Event 21502: the meaning of %1 and %2 is not known; the generator writes the VM resource name and the VM name there. %3 carries the whole error text.',
  'FailoverClustering System events (1127, 1128, 1130, 1135, 1146, 1230, 5121, 5136): Data names are not known, so the fields are unnamed <Data> elements in template order. Keywords 0x8000000000000000 is assumed.',
  'VMMS 20417 (long blackout) is written at level Warning (3), as the collector quoted in events.md treats it; VMMS 20415/20417 Parameter1 carries the VM id.',
  'FailoverClustering 1641 (role moving) and 1200/1201/1203/1204 (role online/offline) are written to Microsoft-Windows-FailoverClustering/Operational at level Information, and only from 2012 R2 on: events.md does not confirm their channel or level, and the full 1201/1203/1204 templates are completed from its abbreviated forms.',
  'Durations in 21301/21303/21305/21307/21309 are written with one decimal ("time 8.4 s"); the real number format was not seen.',
  'Service Control Manager 7036 (service state changes, used for the cluster service restart and as background noise) is not in events.md; its shape (param1/param2 + Binary with the service key name in UTF-16) follows common Windows System logs.',
  'Cluster log lines naming a VM ([RES] Virtual Machine <...>, MoveGroup for a VM group) are CONSTRUCTED from the real line shapes in cluster-log.md; no real Hyper-V cluster log is public.',
  'Encodings: cluster logs are UTF-16LE with BOM (2012 R2 and later) or ANSI (2008 R2); configuration dumps are UTF-16LE with BOM (PowerShell 5 `>` redirection); wevtutil XML exports are UTF-8 without BOM.',
];

type LevelNumber = 1 | 2 | 3 | 4;
export type EventKey = keyof typeof catalog;

interface CatalogEntry {
  provider: ProviderInfo;
  channel: string;
  eventId: number;
  level: LevelNumber;
  keywords: bigint;
  qualifiers?: number;
  /** How the %n values are stored. */
  shape: 'unnamed-data' | 'vml-parameters' | 'scm';
  /** Message templates with %1 … %n. */
  message: Record<WrittenLocale, string>;
}

/** An entry's message template in a display language (the invented one from the English). */
export function templateIn(
  entry: { message: Record<WrittenLocale, string> },
  locale: Locale,
): string {
  return locale === 'x-invented' ? inventText(entry.message['en-US']) : entry.message[locale];
}

const ha = (eventId: number, level: LevelNumber, en: string, pt: string): CatalogEntry => ({
  provider: providers.highAvailability,
  channel: channels.highAvailability,
  eventId,
  level,
  keywords: 0x8000000000000000n,
  shape: 'unnamed-data',
  message: { 'en-US': en, 'pt-BR': pt },
});

const fc = (eventId: number, level: LevelNumber, en: string, pt: string): CatalogEntry => ({
  provider: providers.failoverClustering,
  channel: channels.system,
  eventId,
  level,
  keywords: 0x8000000000000000n,
  shape: 'unnamed-data',
  message: { 'en-US': en, 'pt-BR': pt },
});

const fcOperational = (eventId: number, en: string, pt: string): CatalogEntry => ({
  ...fc(eventId, 4, en, pt),
  channel: channels.clusterOperational,
});

export const catalog = {
  fc1641: fcOperational(
    1641,
    "Clustered role '%1' is moving from cluster node '%2' to cluster node '%3'.",
    "A função clusterizada '%1' está sendo movida do nó de cluster '%2' para o nó de cluster '%3'.",
  ),
  fc1200: fcOperational(
    1200,
    "The Cluster service is attempting to bring the clustered role '%1' online.",
    "O serviço Cluster está tentando colocar a função clusterizada '%1' online.",
  ),
  fc1201: fcOperational(
    1201,
    "The Cluster service successfully brought the clustered role '%1' online.",
    "O serviço Cluster colocou a função clusterizada '%1' online com êxito.",
  ),
  fc1203: fcOperational(
    1203,
    "The Cluster service is attempting to bring the clustered role '%1' offline.",
    "O serviço Cluster está tentando colocar a função clusterizada '%1' offline.",
  ),
  fc1204: fcOperational(
    1204,
    "The Cluster service successfully brought the clustered role '%1' offline.",
    "O serviço Cluster colocou a função clusterizada '%1' offline com êxito.",
  ),
  ha21122: ha(
    21122,
    4,
    'The network configuration for live migration was changed. Cluster networks used for live migration: %1 Network IP addresses: %2.',
    'A configuração de rede para migração ao vivo foi alterada. Redes de cluster usadas para migração ao vivo: %1 Endereços IP de rede: %2.',
  ),
  ha21300: ha(
    21300,
    4,
    "Started live migration on the source node (VM resource '%2', VMID %1).",
    "Migração ao vivo iniciada no nó de origem (recurso de VM '%2', VMID %1).",
  ),
  ha21301: ha(
    21301,
    4,
    "Completed live migration on the source node, time %2 s (VM resource '%3', VMID %1).",
    "Migração ao vivo concluída no nó de origem, tempo %2 s (recurso de VM '%3', VMID %1).",
  ),
  ha21302: ha(
    21302,
    4,
    'Started live migration Offline phase on the source node. (VMID %1)',
    'Fase Offline da migração ao vivo iniciada no nó de origem. (VMID %1)',
  ),
  ha21303: ha(
    21303,
    4,
    'Completed live migration Offline phase on the source node, time %2 s. (VMID %1)',
    'Fase Offline da migração ao vivo concluída no nó de origem, tempo %2 s. (VMID %1)',
  ),
  ha21304: ha(
    21304,
    4,
    'Started live migration Move phase on the source node. (VMID %1)',
    'Fase Mover da migração ao vivo iniciada no nó de origem. (VMID %1)',
  ),
  ha21305: ha(
    21305,
    4,
    'Completed live migration Move phase on the source node, time %2 s. (VMID %1)',
    'Fase Mover da migração ao vivo concluída no nó de origem, tempo %2 s. (VMID %1)',
  ),
  ha21306: ha(
    21306,
    4,
    "Started live migration on the target node (VM resource '%2', VMID %1).",
    "Migração ao vivo iniciada no nó de destino (recurso de VM '%2', VMID %1).",
  ),
  ha21307: ha(
    21307,
    4,
    "Completed live migration on the target node, time %2 s (VM resource '%3', VMID %1).",
    "Migração ao vivo concluída no nó de destino, tempo %2 s (recurso de VM '%3', VMID %1).",
  ),
  ha21308: ha(
    21308,
    4,
    'Started live migration Restore phase on the target node. (VMID %1)',
    'Fase Restaurar da migração ao vivo iniciada no nó de destino. (VMID %1)',
  ),
  ha21309: ha(
    21309,
    4,
    'Completed live migration Restore phase on the target node, time %2 s. (VMID %1)',
    'Fase Restaurar da migração ao vivo concluída no nó de destino, tempo %2 s. (VMID %1)',
  ),
  ha21102: ha(
    21102,
    2,
    "'%1' failed to register the virtual machine with the virtual machine management service.",
    "'%1' falhou ao registrar a máquina virtual no serviço de gerenciamento de máquinas virtuais.",
  ),
  ha21119: ha(
    21119,
    4,
    "'%1' successfully started the virtual machine.",
    "'%1' iniciou a máquina virtual com êxito.",
  ),
  ha21121: ha(
    21121,
    2,
    "'%1' failed to cleanup the configuration on the target node prior to a migration: %2 (%3).",
    "'%1' falhou ao limpar a configuração no nó de destino antes de uma migração: %2 (%3).",
  ),
  ha21111: ha(21111, 2, "Live migration of '%1' failed.", "Falha na migração ao vivo de '%1'."),
  ha21125: ha(
    21125,
    2,
    'Configuration setup for live migration failed on the destination node. Make sure that name of the virtual network is the same on the source and destination nodes, and try the live migration again.',
    'Falha na configuração da migração ao vivo no nó de destino. Verifique se o nome da rede virtual é o mesmo nos nós de origem e de destino e tente a migração ao vivo novamente.',
  ),
  ha21126: ha(
    21126,
    2,
    "Failed to get the network address for the destination node '%1': %2 (%3).",
    "Falha ao obter o endereço de rede do nó de destino '%1': %2 (%3).",
  ),
  ha21203: ha(
    21203,
    2,
    'Failed to create virtual network switch port %1.',
    'Falha ao criar a porta de comutador de rede virtual %1.',
  ),
  ha21502: ha(21502, 2, '%3', '%3'),
  vmms20415: {
    provider: providers.vmms,
    channel: channels.vmms,
    eventId: 20415,
    level: 4,
    keywords: 0x8000000000000000n,
    shape: 'vml-parameters',
    message: {
      'en-US':
        "The Virtual Machine Management service successfully completed the live migration of virtual machine '%1' with a blackout time of %3 seconds (VMID %2).",
      'pt-BR':
        "O serviço de Gerenciamento de Máquinas Virtuais concluiu com êxito a migração ao vivo da máquina virtual '%1' com um tempo de interrupção de %3 segundos (VMID %2).",
    },
  },
  vmms20417: {
    provider: providers.vmms,
    channel: channels.vmms,
    eventId: 20417,
    level: 3,
    keywords: 0x8000000000000000n,
    shape: 'vml-parameters',
    message: {
      'en-US':
        "The Virtual Machine Management service successfully completed the live migration of virtual machine '%1' with an unexpectedly long blackout time of %3 seconds.",
      'pt-BR':
        "O serviço de Gerenciamento de Máquinas Virtuais concluiu com êxito a migração ao vivo da máquina virtual '%1' com um tempo de interrupção inesperadamente longo de %3 segundos.",
    },
  },
  fc1127: fc(
    1127,
    2,
    "Cluster network interface '%1' for cluster node '%2' on network '%3' failed. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
    "Falha na interface de rede de cluster '%1' do nó de cluster '%2' na rede '%3'. Execute o Assistente para Validar uma Configuração para verificar a configuração de rede. Se a condição persistir, verifique se há erros de hardware ou software relacionados ao adaptador de rede. Verifique também se há falhas em outros componentes de rede aos quais o nó está conectado, como hubs, comutadores ou pontes.",
  ),
  fc1128: fc(
    1128,
    4,
    "Cluster network '%1' is operational (up). All available failover cluster nodes attached to the network can communicate using it.",
    "A rede de cluster '%1' está operacional (ativa). Todos os nós de cluster de failover disponíveis conectados à rede podem se comunicar usando-a.",
  ),
  fc1130: fc(
    1130,
    2,
    "Cluster network '%1' is down. None of the available nodes can communicate using this network. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
    "A rede de cluster '%1' está inativa. Nenhum dos nós disponíveis pode se comunicar usando esta rede. Execute o Assistente para Validar uma Configuração para verificar a configuração de rede. Se a condição persistir, verifique se há erros de hardware ou software relacionados ao adaptador de rede. Verifique também se há falhas em outros componentes de rede aos quais o nó está conectado, como hubs, comutadores ou pontes.",
  ),
  fc1135: fc(
    1135,
    1,
    "Cluster node '%1' was removed from the active failover cluster membership. The Cluster service on this node may have stopped. This could also be due to the node having lost communication with other active nodes in the failover cluster. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapters on this node. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
    "O nó de cluster '%1' foi removido da associação ativa do cluster de failover. O serviço Cluster neste nó pode ter parado. Isso também pode ocorrer porque o nó perdeu a comunicação com outros nós ativos do cluster de failover. Execute o Assistente para Validar uma Configuração para verificar a configuração de rede. Se a condição persistir, verifique se há erros de hardware ou software relacionados aos adaptadores de rede neste nó. Verifique também se há falhas em outros componentes de rede aos quais o nó está conectado, como hubs, comutadores ou pontes.",
  ),
  fc1146: fc(
    1146,
    1,
    'The cluster Resource Hosting Subsystem (RHS) process was terminated and will be restarted. This is typically associated with cluster health detection and recovery of a resource. Refer to the System event log to determine which resource and resource DLL is causing the issue.',
    'O processo RHS (Subsistema de Hospedagem de Recursos) do cluster foi encerrado e será reiniciado. Isso normalmente está associado à detecção de integridade do cluster e à recuperação de um recurso. Consulte o log de eventos do Sistema para determinar qual recurso e qual DLL de recurso estão causando o problema.',
  ),
  fc1230: fc(
    1230,
    2,
    "A component on the server did not respond in a timely fashion. This caused the cluster resource '%1' (resource type '%2', DLL '%3') to exceed its time-out threshold. As part of cluster health detection, recovery actions will be taken. The cluster will try to automatically recover by terminating and restarting the Resource Hosting Subsystem (RHS) process that is running this resource. Verify that the underlying infrastructure (such as storage, networking, or services) that are associated with the resource are functioning correctly.",
    "Um componente no servidor não respondeu em tempo hábil. Isso fez com que o recurso de cluster '%1' (tipo de recurso '%2', DLL '%3') excedesse seu limite de tempo limite. Como parte da detecção de integridade do cluster, ações de recuperação serão executadas. O cluster tentará se recuperar automaticamente encerrando e reiniciando o processo RHS (Subsistema de Hospedagem de Recursos) que está executando este recurso. Verifique se a infraestrutura subjacente (como armazenamento, rede ou serviços) associada ao recurso está funcionando corretamente.",
  ),
  fc5136: fc(
    5136,
    3,
    "Cluster Shared Volume '%1' ('%2') redirected access was turned on. Access to the storage device will be redirected over the network from all cluster nodes that are accessing this volume. This may result in degraded performance. Turn off redirected access for this volume to resume normal operations.",
    "O acesso redirecionado do Volume Compartilhado do Cluster '%1' ('%2') foi ativado. O acesso ao dispositivo de armazenamento será redirecionado pela rede a partir de todos os nós de cluster que estão acessando este volume. Isso pode resultar em desempenho degradado. Desative o acesso redirecionado deste volume para retomar as operações normais.",
  ),
  fc5120: fc(
    5120,
    3,
    "Cluster Shared Volume '%1' ('%2') has entered a paused state because of '%3'. All I/O will temporarily be queued until a path to the volume is reestablished.",
    "O Volume Compartilhado do Cluster '%1' ('%2') entrou em estado de pausa devido a '%3'. Toda a E/S será temporariamente enfileirada até que um caminho para o volume seja restabelecido.",
  ),
  fc5142: fc(
    5142,
    2,
    "Cluster Shared Volume '%1' ('%2') is no longer accessible from this cluster node because of error '%3'. Please troubleshoot this node's connectivity to the storage device and network connectivity.",
    "O Volume Compartilhado do Cluster '%1' ('%2') não está mais acessível deste nó de cluster devido ao erro '%3'. Solucione os problemas de conectividade deste nó com o dispositivo de armazenamento e de conectividade de rede.",
  ),
  fc5122: fc(
    5122,
    4,
    "Cluster Shared Volume '%1' ('%2') has now resumed normal operation.",
    "O Volume Compartilhado do Cluster '%1' ('%2') retomou a operação normal.",
  ),
  fc5121: fc(
    5121,
    4,
    "Cluster Shared Volume '%1' ('%2') is no longer directly accessible from this cluster node. I/O access will be redirected to the storage device over the network to the node that owns the volume. If this results in degraded performance, please troubleshoot this node's connectivity to the storage device and I/O will resume to a healthy state once connectivity to the storage device is reestablished.",
    "O Volume Compartilhado do Cluster '%1' ('%2') não está mais diretamente acessível deste nó de cluster. O acesso de E/S será redirecionado ao dispositivo de armazenamento pela rede para o nó proprietário do volume. Se isso resultar em desempenho degradado, solucione os problemas de conectividade deste nó com o dispositivo de armazenamento; a E/S voltará a um estado íntegro assim que a conectividade com o dispositivo de armazenamento for restabelecida.",
  ),
  scm7036: {
    provider: providers.serviceControlManager,
    channel: channels.system,
    eventId: 7036,
    level: 4,
    keywords: 0x8080000000000000n,
    qualifiers: 16384,
    shape: 'scm',
    message: {
      'en-US': 'The %1 service entered the %2 state.',
      'pt-BR': 'O serviço %1 entrou no estado %2.',
    },
  },
} satisfies Record<string, CatalogEntry>;

/** Fills %1 … %n of a template. Pure. */
export function formatMessage(template: string, values: readonly string[]): string {
  return template.replace(/%(\d+)/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
}

/** The payload of a catalog event from its %1 … %n values (SCM: plus the service key name). */
export function buildPayload(
  entry: CatalogEntry,
  values: readonly string[],
  serviceKey?: string,
): EventPayload {
  const str = (value: string) => ({ type: 'string' as const, value });
  switch (entry.shape) {
    case 'unnamed-data':
      return { kind: 'eventData', fields: values.map((v) => ({ value: str(v) })) };
    case 'vml-parameters':
      return {
        kind: 'userData',
        wrapper: 'VmlEventLog',
        namespace: vmlNamespace,
        fields: values.map((v, i) => ({ name: `Parameter${i}`, value: str(v) })),
      };
    case 'scm':
      return {
        kind: 'eventData',
        fields: values.map((v, i) => ({ name: `param${i + 1}`, value: str(v) })),
        binary: Buffer.from(`${serviceKey ?? ''}\0`, 'utf16le'),
      };
  }
}

const englishLevels = { 1: 'Critical', 2: 'Error', 3: 'Warning', 4: 'Information' } as const;
export const levelNames: Record<Locale, Record<LevelNumber, string>> = {
  'en-US': englishLevels,
  'pt-BR': { 1: 'Crítico', 2: 'Erro', 3: 'Aviso', 4: 'Informações' },
  'x-invented': {
    1: inventWord(englishLevels[1]),
    2: inventWord(englishLevels[2]),
    3: inventWord(englishLevels[3]),
    4: inventWord(englishLevels[4]),
  },
};
export const infoOpcodeName: Record<Locale, string> = {
  'en-US': 'Info',
  'pt-BR': 'Informações',
  'x-invented': inventWord('Info'),
};
