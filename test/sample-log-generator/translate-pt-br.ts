/**
 * Portuguese (pt-BR) wording of the Hyper-V failure sentences the generator writes into 21502
 * and the cluster log on a pt-BR node. No source gives the real pt-BR texts (events-modern.md
 * §1.2, §4): these are OUR translations, so lmdoctor must not rely on them; only the codes,
 * quoted names and paths inside them are facts. A sentence without a translation here is an
 * error in the scenario, never silently left in English.
 */
const sentences: [RegExp, string][] = [
  [
    /^A cluster network is not available for this operation\.$/,
    'Nenhuma rede de cluster está disponível para esta operação.',
  ],
  [
    /^Configuration setup for live migration failed on the destination node\. .*$/,
    'Falha na configuração da migração ao vivo no nó de destino. Verifique se o nome da rede virtual é o mesmo nos nós de origem e de destino e tente a migração ao vivo novamente.',
  ],
  [/^Live migration of '(.+)' failed\.$/, "Falha na migração ao vivo de '$1'."],
  [
    /^Virtual machine migration operation for '(.+)' failed at migration source '(.+)'\.$/,
    "Falha na operação de migração da máquina virtual '$1' na origem da migração '$2'.",
  ],
  [
    /^Virtual machine migration operation for '(.+)' failed at migration destination '(.+)'\.$/,
    "Falha na operação de migração da máquina virtual '$1' no destino da migração '$2'.",
  ],
  [
    /^Failed to establish a connection with host '(.+)': No credentials are available in the security package \((0x[0-9A-F]+)\)\.$/,
    "Falha ao estabelecer uma conexão com o host '$1': Não há credenciais disponíveis no pacote de segurança ($2).",
  ],
  [
    /^Failed to get the network address for the destination node '(.+)': A cluster network is not available for this operation\. \((0x[0-9A-F]+)\)\.$/,
    "Falha ao obter o endereço de rede do nó de destino '$1': Nenhuma rede de cluster está disponível para esta operação. ($2).",
  ],
  [
    /^The Virtual Machine Management Service failed to register the configuration for the virtual machine '(.+)' at '(.+)': The system cannot find the path\.$/,
    "O Serviço de Gerenciamento de Máquinas Virtuais não conseguiu registrar a configuração da máquina virtual '$1' em '$2': O sistema não pode encontrar o caminho.",
  ],
];

/** One English failure sentence in pt-BR; throws for a sentence this table does not have. */
export function translateToPortuguese(english: string): string {
  for (const [pattern, portuguese] of sentences)
    if (pattern.test(english)) return english.replace(pattern, portuguese);
  throw new Error(`no pt-BR wording for the generator sentence: ${english}`);
}
