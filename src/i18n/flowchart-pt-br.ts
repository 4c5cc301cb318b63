import {
  backupEvents,
  cleanupEvents,
  clusterServiceHaltEvents,
  csvDownEvents,
  csvRedirectedEvents,
  csvResumedEvents,
  networkTroubleEvents,
  noNetworkEvents,
  nodeDownEvents,
  registerFailedEvents,
  rhsEvents,
  switchPortEvents,
  virtualNetworkEvents,
} from '../catalog/event-groups.js';
import { idsText, slashedIds } from '../catalog/select.js';
import type { CauseId } from '../model/diagnosis.js';

/**
 * O fluxograma em português: a pergunta de cada nó de pergunta e a orientação de cada nó de
 * conclusão (pelas ids de src/diagnose/flowcharts/live-migration.ts), e o que fazer para cada
 * causa quando ela aparece como recomendação ou causa relacionada. Um teste exige uma entrada
 * para cada nó e cada causa.
 */
export const questionsPtBr: Readonly<Record<string, string>> = {
  failed: 'A migração falhou?',
  'node-lost': `A origem ou o destino saiu do cluster durante a tentativa (${idsText(nodeDownEvents, clusterServiceHaltEvents)})?`,
  'no-network-error': `A origem não encontrou rede até o destino (${idsText(noNetworkEvents)}, 0x000013AB)?`,
  'recent-restart':
    'A tentativa começou até 30 s depois de um início do serviço de cluster, ou de a VM passar para um novo processo RHS?',
  'network-down': `Uma rede do cluster estava inativa na tentativa (${idsText(networkTroubleEvents)})?`,
  'networks-left':
    'MigrationNetworkOrder, menos MigrationExcludeNetworks, deixa alguma rede ativa?',
  'no-network-subnet': 'Origem e destino estão em sub-redes diferentes de uma rede de migração?',
  concurrent: 'Outra migração usava a origem ou o destino ao mesmo tempo (0x800700AA)?',
  cleanup: `A tentativa começou segundos após a migração anterior da VM, antes da limpeza dela (${idsText(cleanupEvents)})?`,
  authentication: 'O erro é uma falha de autenticação (0x8009030E, 0x8009030D, 0x80090322, …)?',
  'possible-owners-error': 'O destino não é proprietário possível do grupo da VM (0x80071398)?',
  'resources-error': 'Faltou memória ou recursos no destino (0x800705AA, 0x8007000E)?',
  'processor-error': 'O erro diz que o hardware ou o processador do destino não executa a VM?',
  architecture: 'Os dois nós têm arquiteturas de processador diferentes (x86 / x64)?',
  vendor: 'Os processadores são de fabricantes diferentes?',
  'processor-model': 'Os modelos de processador são diferentes?',
  'switch-port': `Falhou a criação de uma porta de switch com o nome do próprio switch virtual (${idsText(switchPortEvents)})?`,
  'virtual-network-error': `O destino não conseguiu montar a rede virtual da VM (${idsText(virtualNetworkEvents)})?`,
  'switch-names': 'Os nomes dos switches virtuais diferem entre os dois nós?',
  registering: `O destino não conseguiu registrar a VM (${idsText(registerFailedEvents)})?`,
  'system-drive': 'Os dois nós iniciam de letras de unidade do sistema diferentes?',
  'register-path-text':
    'O texto da falha diz que o VMMS não encontrou o caminho da configuração ao registrar a VM?',
  'csv-unavailable-during': `Um CSV ficou pausado ou inacessível em algum nó durante a tentativa (${idsText(csvDownEvents)})?`,
  'csv-redirected-during': `Um CSV estava em E/S redirecionada durante a tentativa (${idsText(csvRedirectedEvents)} sem ${idsText(csvResumedEvents)})?`,
  backup: `Havia um backup em andamento perto da tentativa (${idsText(backupEvents)})?`,
  rhs: `O RHS travou ou caiu no recurso da VM durante a tentativa (${idsText(rhsEvents)})?`,
  'connection-error':
    'A conexão de migração falhou ou expirou (0x8007274C, 0x8007274D, 0x80072746, …)?',
  'connection-subnet': 'Origem e destino estão em sub-redes diferentes de uma rede de migração?',
  'destination-logs': 'Os logs do nó de destino estão no caso?',
  'slow-csv-redirected': `Um CSV estava em E/S redirecionada durante a migração (${idsText(csvRedirectedEvents)} sem ${idsText(csvResumedEvents)})?`,
  'slow-backup': 'Havia um backup em andamento perto da migração?',
  'slow-csv-unavailable': `Um CSV ficou pausado em algum nó durante a migração (${idsText(csvDownEvents)})?`,
};

/** O que fazer, por nó de conclusão do fluxograma. */
export const remediesPtBr: Readonly<Record<string, string>> = {
  'node-down': `Um nó da migração saiu do cluster: descubra por quê (log do cluster perto do ${slashedIds(nodeDownEvents)}, perda de rede ou de energia, tela azul), traga-o de volta e migre de novo. A VM continua no nó que sobrou ou faz failover para ele.`,
  'network-not-ready-after-restart':
    'Depois de reiniciar o serviço de cluster ou de mover a VM para um novo processo RHS, espere cerca de 30 segundos antes da migração ao vivo; tente a migração de novo agora.',
  'no-migration-network':
    'Restabeleça a rede de migração ao vivo (Get-ClusterNetwork, os adaptadores e as portas de switch de cada nó) ou permita outra rede na lista "Rede para migração ao vivo" da VM e tente de novo.',
  'no-migration-network-excluded':
    'Todas as redes estão excluídas da migração ao vivo ou inativas: deixe pelo menos uma rede acessível em MigrationNetworkOrder (Gerenciador de Cluster de Failover, "Rede para migração ao vivo") e tente de novo.',
  'no-migration-network-likely':
    'Confira se as redes permitidas para migração ao vivo estão ativas nos dois nós (Get-ClusterNetwork, Get-ClusterNetworkInterface) e habilitadas para uso do cluster; depois tente de novo.',
  'subnet-mismatch':
    'Coloque os dois nós na mesma sub-rede IP em cada rede de migração ao vivo e de CSV (use uma VLAN em clusters de vários sites).',
  'concurrent-migration':
    'Um nó participa de uma migração ao vivo por vez (2008 R2): espere a migração em curso terminar e tente de novo; no 2012 ou posterior, aumente "Migrações ao vivo simultâneas" se precisar.',
  'cleanup-not-finished':
    'Espere alguns segundos depois do fim de uma migração ao vivo antes de mover a mesma VM de novo; tente agora.',
  'authentication-failed':
    'Corrija a autenticação da migração: NTLM habilitado em todos os nós; com Kerberos, delegação restrita para "cifs" e "Microsoft Virtual System Migration Service" nos dois hosts e klist purge -li 0x3e7; com CredSSP, inicie a movimentação a partir do nó de origem. No Windows Server 2025 o Credential Guard vem ligado e a migração ao vivo com CredSSP falha: use a delegação restrita do Kerberos. Entre clusters (0x80090322), mude a ordem das redes de migração durante a movimentação e volte-a depois.',
  'possible-owners':
    'Inclua todos os nós como proprietários possíveis dos recursos "Máquina Virtual" e "Configuração da Máquina Virtual" da VM.',
  'destination-resources': 'Libere memória no destino (ou dê menos memória à VM) e tente de novo.',
  'architecture-mismatch':
    'A migração ao vivo não atravessa processadores x86 e x64: mantenha a VM em nós de uma só arquitetura (proprietários possíveis) ou substitua o nó diferente.',
  'processor-vendor-mismatch':
    'Não há migração ao vivo entre fabricantes de processador: restrinja os proprietários possíveis da VM a nós de um só fabricante ou use a migração rápida.',
  'processor-incompatible':
    'Desligue a VM, habilite "Migrar para um computador físico com uma versão de processador diferente" (compatibilidade de processador), ligue-a de novo e migre.',
  'processor-incompatible-likely':
    'Habilite a compatibilidade de processador na VM (desligue-a antes); no 2016 ou posterior compare também as configurações de BIOS e as mitigações de Spectre/Meltdown entre os nós.',
  'switch-port-name-conflict':
    'Renomeie a porta de switch da VM para um nome diferente do switch virtual, atualize a configuração da VM no Gerenciador de Cluster de Failover e tente de novo.',
  'virtual-network-name-mismatch':
    'Dê à rede virtual (switch) o mesmo nome em todos os nós, atualize a configuração da VM no Gerenciador de Cluster de Failover e tente de novo.',
  'virtual-network-name-mismatch-likely':
    'Compare os nomes dos switches virtuais em todos os nós (precisam ser iguais), atualize a configuração da VM no Gerenciador de Cluster de Failover e tente de novo.',
  'stale-vm-configuration':
    'Os nomes dos switches coincidem: execute "Atualizar configuração da máquina virtual" na VM no Gerenciador de Cluster de Failover (mudanças feitas no Gerenciador do Hyper-V não chegam ao cluster) e tente de novo.',
  'system-drive-mismatch':
    'Todos os nós precisam iniciar da mesma letra de unidade do sistema para o Hyper-V com CSV; mantenha a VM fora do nó diferente até ele ser reinstalado.',
  'system-drive-mismatch-likely':
    'Compare a letra da unidade do sistema de todos os nós (Get-CimInstance Win32_OperatingSystem | fl CSName,SystemDrive): o Hyper-V com CSV exige a mesma letra em todos; mantenha a VM fora de um nó diferente.',
  'csv-unavailable': `Corrija o caminho de armazenamento ou SMB do CSV no nó afetado (classifique o status do ${slashedIds(csvDownEvents)}, confira Cliente para Redes Microsoft e Compartilhamento de Arquivos e Impressoras nas redes do cluster).`,
  'csv-redirected-io':
    'Um CSV ficou em E/S redirecionada (em geral depois de um backup com falha ou cancelado): desligue o acesso redirecionado do volume ou mova o CSV, depois verifique o backup.',
  'csv-redirected-io-likely':
    'Um CSV estava em E/S redirecionada durante a tentativa, o que deixa todos os nós lentos: encerre o acesso redirecionado (verifique o backup que o deixou assim) e tente de novo.',
  'backup-interference':
    'Não faça migração ao vivo enquanto um backup VSS do Hyper-V roda no cluster; agende as migrações fora das janelas de backup.',
  'rhs-failure': `O host de recursos do cluster caiu ou travou: veja os eventos ${slashedIds(rhsEvents)} e o log do cluster perto deles; considere executar o recurso da VM em um monitor separado.`,
  'migration-connection-failed':
    'Permita que os nós se alcancem nas portas TCP 6600 (migração ao vivo) e 3343 (cluster): exceções de firewall e antivírus, o ouvinte (gpupdate /force, Registry.pol), o caminho de rede.',
  unexplained:
    'Nenhuma causa documentada coincidiu: colete VMMS-Admin/Operational, High-Availability-Admin e Worker-Admin dos dois nós, o log do cluster e um rastreamento VML, e examine o código de erro.',
  'destination-logs-missing':
    'Nenhuma causa documentada coincidiu e faltam os logs do nó de destino: colete-os (o comando acompanha este diagnóstico) e analise de novo.',
  'slow-unexplained':
    'A migração foi lenta sem CSV ou backup que expliquem: verifique a rede de migração ao vivo (largura de banda, IPsec, uma rede dedicada) e a carga dos dois nós.',
};

/** O que fazer, por causa, para recomendações do cluster e causas relacionadas. */
export const advicePtBr: Readonly<Record<CauseId, string>> = {
  'no-migration-network': remediesPtBr['no-migration-network']!,
  'network-not-ready-after-restart': remediesPtBr['network-not-ready-after-restart']!,
  'migration-connection-failed': remediesPtBr['migration-connection-failed']!,
  'virtual-network-name-mismatch': remediesPtBr['virtual-network-name-mismatch']!,
  'switch-port-name-conflict': remediesPtBr['switch-port-name-conflict']!,
  'processor-incompatible': remediesPtBr['processor-incompatible']!,
  'processor-vendor-mismatch': remediesPtBr['processor-vendor-mismatch']!,
  'architecture-mismatch': remediesPtBr['architecture-mismatch']!,
  'concurrent-migration': remediesPtBr['concurrent-migration']!,
  'cleanup-not-finished': remediesPtBr['cleanup-not-finished']!,
  'system-drive-mismatch': remediesPtBr['system-drive-mismatch']!,
  'authentication-failed': remediesPtBr['authentication-failed']!,
  'subnet-mismatch': remediesPtBr['subnet-mismatch']!,
  'possible-owners': remediesPtBr['possible-owners']!,
  'destination-resources': remediesPtBr['destination-resources']!,
  'csv-redirected-io': remediesPtBr['csv-redirected-io']!,
  'csv-unavailable': remediesPtBr['csv-unavailable']!,
  'backup-interference': remediesPtBr['backup-interference']!,
  'node-down': remediesPtBr['node-down']!,
  'rhs-failure': remediesPtBr['rhs-failure']!,
  'stale-vm-configuration': remediesPtBr['stale-vm-configuration']!,
  unknown: remediesPtBr.unexplained!,
  'no-dedicated-migration-network':
    'Dê à migração ao vivo uma rede privada dedicada (de preferência de 1 Gb/s ou mais), separada da pulsação do cluster, do CSV, do armazenamento e das redes das VMs, e coloque-a em primeiro lugar na lista de redes de migração ao vivo.',
  'migration-and-csv-share-network':
    'Ordene as redes de migração ao vivo para que a migração não comece pela rede que o CSV prefere (a de menor métrica; veja Get-ClusterNetwork | fl Name,Metric,AutoMetric).',
  'ipsec-on-migration-network':
    'Isente a rede de migração ao vivo do IPsec: ele deixa a migração ao vivo muito mais lenta.',
  'slow-migration-network':
    'Use uma rede de migração ao vivo mais rápida (1 Gb/s ou mais), dedicada e sem IPsec.',
  'node-logs-missing':
    'Colete os logs de todos os nós com o script de `lmdoctor collect-script` e analise de novo.',
  'analytic-channel-missing':
    'Habilite o canal analítico de alta disponibilidade (wevtutil sl … /e:true /q) antes da próxima migração e colete-o com os demais.',
};
