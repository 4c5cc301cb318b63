import { describe, expect, it } from 'vitest';
import { parseLogLine, splitComponent } from '../../../src/readers/cluster-log/parse-log-line.js';

// Every line below is REAL, quoted in shared/reference/cluster-log.md with its source.

describe('parseLogLine', () => {
  it('reads the base shape: pid, tid, timestamp, padded level, component, message', () => {
    const line = parseLogLine(
      '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)',
    );
    expect(line).toMatchObject({
      channel: null,
      pid: 0x11d0,
      tid: 0xf80,
      rawTime: '2011/08/05-13:47:42.465',
      level: 'INFO',
      component: 'RCM',
      message: 'rcm::RcmApi::MoveGroup: (ag, 2)',
    });
    expect(line?.fields).toEqual({
      year: 2011,
      month: 8,
      day: 5,
      hour: 13,
      minute: 47,
      second: 42,
      millisecond: 465,
    });
  });

  it('keeps nested resource-DLL tags in the message of a [RES] line', () => {
    const line = parseLogLine(
      '00002cc4.00001264::2011/08/05-13:47:42.543 INFO  [RES] SQL Server Availability Group <ag>: [hadrag] Offline request.',
    );
    expect(line?.component).toBe('RES');
    expect(line?.message).toBe('SQL Server Availability Group <ag>: [hadrag] Offline request.');
  });

  it('accepts the 2016+ [Operational] and [Verbose] channel prefixes', () => {
    const operational = parseLogLine(
      '[Operational] 000036ec.000019ac::2024/07/07-12:16:59.868 INFO  The cluster service has been stopped and set as disabled as part of cluster node cleanup.',
    );
    expect(operational).toMatchObject({ channel: 'Operational', pid: 0x36ec, component: null });
    expect(operational?.message).toBe(
      'The cluster service has been stopped and set as disabled as part of cluster node cleanup.',
    );
    const verbose = parseLogLine(
      '[Verbose] 00002344.000016a4::2023/05/08-11:56:49.602 ERR   [RES] Physical Disk <Quorum Disk>: ResHardDiskArbitrateInternal: PR Arbitration for disk Error: 170',
    );
    expect(verbose).toMatchObject({ channel: 'Verbose', level: 'ERR', component: 'RES' });
  });

  it('reads lines without a component', () => {
    const quorum = parseLogLine(
      '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   lost quorum (status = 5925)',
    );
    expect(quorum).toMatchObject({
      level: 'ERR',
      component: null,
      message: 'lost quorum (status = 5925)',
    });
    const begin = parseLogLine(
      '00003948.00003a38::2024/08/08-06:50:05.236 INFO  ---+ LOG BEGIN +---',
    );
    expect(begin).toMatchObject({ component: null, message: '---+ LOG BEGIN +---' });
    const fatal = parseLogLine(
      '[Verbose] 00000f44.00000a58::2023/05/08-11:55:37.173 WARN  FatalError: join/form timeout (status = 258)',
    );
    expect(fatal).toMatchObject({ level: 'WARN', component: null });
    expect(fatal?.message).toBe('FatalError: join/form timeout (status = 258)');
  });

  it('keeps indentation beyond the level field as part of the message', () => {
    const line = parseLogLine(
      '0000ab34.00007328::2014/06/10-07:54:34.100 INFO    <realLocal>10.xxx.xx.xxx:~3343~</realLocal>',
    );
    expect(line?.message).toBe('  <realLocal>10.xxx.xx.xxx:~3343~</realLocal>');
    const removed = parseLogLine('0000ab34.00007328::2014/06/10-07:54:34.100 INFO   removed');
    expect(removed?.message).toBe(' removed');
  });

  it('reads DBG and the collapsed single space that document copies leave', () => {
    expect(
      parseLogLine(
        '00002f48.000014e0::2024/08/12-17:26:38.404 DBG   [RCM] scheduling next RunRestartTasks task...',
      ),
    ).toMatchObject({
      level: 'DBG',
      component: 'RCM',
      message: 'scheduling next RunRestartTasks task...',
    });
    expect(
      parseLogLine(
        '00001898.0000185c::2023/02/27-13:27:41.121 WARN [RHS] Resource ag IsAlive has indicated failure.',
      ),
    ).toMatchObject({
      level: 'WARN',
      component: 'RHS',
      message: 'Resource ag IsAlive has indicated failure.',
    });
  });

  it('keeps a group-move line whole, including the FILETIME-style time inside it', () => {
    const line = parseLogLine(
      '0000110c.00002bcc::2020/08/06-01:17:54.943 INFO  [RCM] move of group AOCProd01AG from CO2ICMV3SQL09(1) to CO2ICMV3SQL10(2) of type MoveType::Manual is about to succeed, failoverCount=3, lastFailoverTime=2020/08/05-02:08:54.524 targeted=true',
    );
    expect(line?.rawTime).toBe('2020/08/06-01:17:54.943');
    expect(line?.message).toBe(
      'move of group AOCProd01AG from CO2ICMV3SQL09(1) to CO2ICMV3SQL10(2) of type MoveType::Manual is about to succeed, failoverCount=3, lastFailoverTime=2020/08/05-02:08:54.524 targeted=true',
    );
  });

  it('keeps endpoints written with plain ports', () => {
    const line = parseLogLine(
      '0000ab34.00004e64::2014/06/10-07:54:34.099 DBG   [NETFTAPI] Signaled NetftRemoteUnreachable event, local address 10.xx.x.xxx:3343 remote address 10.x.xx.xx:3343',
    );
    expect(line?.component).toBe('NETFTAPI');
  });

  it('keeps ~port~ endpoints and route history text as written', () => {
    const line = parseLogLine(
      '0000ab34.00004b38::2014/06/10-07:54:34.099 INFO  [IM] Marking Route from 10.xxx.xxx.xxxx:~3343~ to 10.xxx.xx.xxxx:~3343~ as down',
    );
    expect(line).toMatchObject({
      component: 'IM',
      message: 'Marking Route from 10.xxx.xxx.xxxx:~3343~ to 10.xxx.xx.xxxx:~3343~ as down',
    });
    const network = parseLogLine(
      "00001320.00001724::2024/07/24-07:47:30.789 WARN  [NETWORK] Missed 40% of the heart beats with node 'sqlnode02' (2) on route 10.10.20.18:~3343~->10.10.148.18:~3343~",
    );
    expect(network?.component).toBe('NETWORK');
  });

  it('rejects lines that lost their PID/TID/date, as blogs print them', () => {
    expect(parseLogLine('21:17:42.347 INFO  [RHS] Enqueuing Arbitrate call.')).toBeNull();
    expect(parseLogLine('')).toBeNull();
  });

  it('rejects a calendar-impossible timestamp', () => {
    expect(parseLogLine('000011d0.00000f80::2011/13/05-13:47:42.465 INFO  [RCM] x')).toBeNull();
  });
});

describe('splitComponent', () => {
  it('finds the tag after a glued function name and keeps the name in the message', () => {
    expect(
      splitComponent(
        'rcm::RcmResource::OnlineWorker[RCM] Issuing Arbitrate(File Share Witness) to RHS.',
      ),
    ).toEqual({
      component: 'RCM',
      message: 'rcm::RcmResource::OnlineWorker Issuing Arbitrate(File Share Witness) to RHS.',
    });
  });

  it('accepts tags with spaces and an endpoint inside', () => {
    expect(
      splitComponent(
        '[CHANNEL XX.X.1.X13:~49258~] graceful close, status (of previous failure, may not indicate problem) (0)',
      ),
    ).toEqual({
      component: 'CHANNEL XX.X.1.X13:~49258~',
      message: 'graceful close, status (of previous failure, may not indicate problem) (0)',
    });
  });

  it('keeps inline XML fragments of a tagged message intact', () => {
    const text =
      '[CORE] Node 1: Proposed View is <ViewChanged joiners=(2) downers=() newView=1101(1 2) oldView=902(1) joiner=false form=false/>';
    expect(splitComponent(text)).toEqual({
      component: 'CORE',
      message:
        'Node 1: Proposed View is <ViewChanged joiners=(2) downers=() newView=1101(1 2) oldView=902(1) joiner=false form=false/>',
    });
  });

  it('leaves a message with a bracket later in the text untagged', () => {
    expect(splitComponent('cxl::ConnectWorker::operator (): GracefulClose(1226) [x]')).toEqual({
      component: null,
      message: 'cxl::ConnectWorker::operator (): GracefulClose(1226) [x]',
    });
  });
});
