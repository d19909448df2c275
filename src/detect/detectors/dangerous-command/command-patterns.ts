import type { Severity } from "../../../core/index.js";

/**
 * The dangerous-command catalogue. Patterns run on one line at a time (lines are capped at
 * MAX_LINE_CHARS), every repetition is bounded and no quantified group nests another, so the
 * scan is linear in the text length.
 */
export type CommandRule =
  | "recursive-delete"
  | "disk-wipe"
  | "fork-bomb"
  | "pipe-to-shell"
  | "insecure-permissions"
  | "credential-access"
  | "credential-exfiltration"
  | "reverse-shell"
  | "disable-security"
  | "download-exec"
  | "encoded-command"
  | "persistence";

export interface CommandPattern {
  readonly name: string;
  readonly rule: CommandRule;
  readonly pattern: RegExp;
  readonly score: number;
  readonly severity: Severity;
}

export const MAX_LINE_CHARS = 4_000;

/** `rm` with flags, then a root-like target: /, /*, ~, ~/*, $HOME, *, ./*, or a top-level system directory. */
export const RM_ROOT_TARGET =
  /\brm\s+((?:-{1,2}[\w-]{1,30}\s+){1,6})(?:--\s+)?("?(?:\/\*?|~\/?\*?|\$\{?HOME\}?\/?\*?|\*|\.\/\*|\/(?:bin|boot|dev|etc|home|lib|lib64|opt|root|sbin|srv|sys|usr|var)\/?\*?)"?)(?=$|[\s;&|`'")])/;
/** rm flags that make the delete recursive. */
export const RM_RECURSIVE_FLAG = /(?:^|\s)(?:-[a-zA-Z]{0,10}[rR][a-zA-Z]{0,10}|--recursive)(?=\s|$)/;

/** `chmod` with mode 777 or 000 on a root-like or system target. */
export const CHMOD_ROOT_TARGET =
  /\bchmod\s+(?:-{1,2}[\w-]{1,20}\s+){0,4}0?(?:777|000)\s+(?:-{1,2}[\w-]{1,20}\s+){0,2}(\/\*?|~\/?|\$HOME\/?|\/(?:bin|boot|etc|home|lib|opt|root|sbin|usr|var)\/?\*?)(?=$|[\s;&|`'")])/;

/** Download commands piped into a shell or interpreter; group 1 is the download part. */
export const DOWNLOAD_PIPED_TO_SHELL =
  /\b((?:curl|wget|fetch|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n|;&]{0,400})\|\s{0,3}(?:sudo\s+(?:-{1,2}[\w-]{1,10}\s+){0,3})?(?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:ba|z|k|da|fi|c|tc)?sh\b|\b((?:curl|wget)\b[^\n|;&]{0,400})\|\s{0,3}(?:sudo\s+(?:-{1,2}[\w-]{1,10}\s+){0,3})?(?:python[23]?|perl|ruby|node|php)\b/;
/** A shell running a download through substitution: `bash <(curl …)`, `sh -c "$(wget …)"`, `eval "$(curl …)"`. */
export const SHELL_OF_DOWNLOAD =
  /(?:\b(?:ba|z|k|da)?sh\s{1,3}(?:-c\s{1,3})?["']?|\beval\s{1,3}["']?|\bsource\s{1,3}|(?:^|[\s;&])\.\s{1,3})(?:\$\(|<\()\s{0,3}((?:curl|wget)\b[^\n)]{0,400})/;
/** PowerShell download-and-execute: `IEX (New-Object Net.WebClient).DownloadString(…)`, `iwr … | iex`. */
export const POWERSHELL_DOWNLOAD_EXEC =
  /\b(?:IEX|Invoke-Expression)\b[^\n]{0,300}?\b(DownloadString|DownloadFile|Invoke-WebRequest|iwr|Invoke-RestMethod|irm|Net\.WebClient)\b|\b((?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|curl|wget)\b[^\n|;]{0,300})\|\s{0,3}(?:iex|Invoke-Expression)\b/i;

/** An http(s) URL or a bare host with a path inside a download command. */
export const DOWNLOAD_URL =
  /\b(?:https?:\/\/)?((?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}(?::\d{1,5})?)(\/[^\s'"|;)`]{0,300})?/i;

/** A credential file or store (private SSH keys, cloud and registry credentials, password hashes). */
export const CREDENTIAL_PATH =
  /(?:~|\$\{?HOME\}?|\/home\/[\w.-]{1,32}|\/root|%USERPROFILE%|\$env:USERPROFILE)[/\\]\.(?:aws[/\\]credentials|ssh[/\\]id_(?:rsa|dsa|ecdsa|ed25519)(?![\w.]*\.pub)|ssh[/\\]?(?=$|[\s;&|'"])|netrc|git-credentials|docker[/\\]config\.json|kube[/\\]config|npmrc|pypirc|gnupg)|\/etc\/(?:g?shadow|sudoers|master\.passwd)\b|\/proc\/self\/environ|\breg\s+save\s+hklm\\(?:sam|system|security)\b|\bsekurlsa::|\bmimikatz\b/i;
/** Commands that read, copy or send a file. */
export const READ_COMMAND =
  /\b(?:cat|less|more|head|tail|base64|xxd|od|strings|cp|scp|rsync|curl|wget|nc|ncat|tar|zip|gpg|type|Get-Content|gc|reg|mimikatz|Invoke-Mimikatz)\b/i;
/** Commands that send data over the network. */
export const NETWORK_SEND =
  /\b(?:curl|wget|nc|ncat|netcat|socat|scp|rsync|ftp|sftp|telnet|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b/i;

/** A warning before a command on the same line: "never run", "do not execute", "avoid typing". */
export const WARNING_CONTEXT =
  /\b(?:never|do\s+not|don't|dont|avoid|not\s+to)\s+(?:\w+\s+){0,2}(?:run|running|execute|executing|type|typing|paste|pasting|use|using|try)\b[^\n]{0,60}$/i;

/** Fixed patterns: a match is a finding. Each entry is named and tested in command-patterns.test.ts. */
export const COMMAND_PATTERNS: readonly CommandPattern[] = [
  // mkfs on a block device: formats (erases) it
  {
    name: "MKFS_DEVICE",
    rule: "disk-wipe",
    pattern: /\bmkfs(?:\.[a-z0-9]{1,10})?\s+(?:-{1,2}[\w=-]{1,20}\s+){0,4}\/dev\/[a-z]/i,
    score: 0.9,
    severity: "critical",
  },
  // dd writing to a disk device (of=/dev/sdX, nvme, mmcblk...)
  {
    name: "DD_TO_DEVICE",
    rule: "disk-wipe",
    pattern: /\bof=\/dev\/(?:sd[a-z]|nvme\d|hd[a-z]|vd[a-z]|xvd[a-z]|mmcblk\d|r?disk\d|mapper\/)/i,
    score: 0.95,
    severity: "critical",
  },
  // shell redirection onto a disk device (> /dev/sda)
  {
    name: "REDIRECT_TO_DISK",
    rule: "disk-wipe",
    pattern:
      />\s{0,3}\/dev\/(?:sd[a-z]{1,2}|nvme\d{1,2}(?:n\d{1,2})?|hd[a-z]|vd[a-z]|xvd[a-z]|mmcblk\d{1,2})(?:p?\d{1,3})?\b/,
    score: 0.9,
    severity: "critical",
  },
  // shred or wipefs on a disk device
  {
    name: "SHRED_DEVICE",
    rule: "disk-wipe",
    pattern: /\b(?:shred|wipefs)\b[^\n|;&]{0,100}?\/dev\/(?:sd|nvme|hd|vd|xvd|mmcblk)/,
    score: 0.9,
    severity: "critical",
  },
  // Windows format of a drive letter (format C:)
  {
    name: "FORMAT_DRIVE",
    rule: "disk-wipe",
    pattern: /\bformat(?:\.com)?\s+[A-Za-z]:(?=$|[\s/])/,
    score: 0.85,
    severity: "critical",
  },
  // recursive delete of a Windows drive root, the Windows folder or the user profile
  {
    name: "WINDOWS_RECURSIVE_DELETE",
    rule: "recursive-delete",
    pattern:
      /\b(?:Remove-Item|rm|ri|del|erase|rmdir|rd)\b(?=[^\n]{0,200}?(?:-Recurse|\s\/s\b))[^\n]{0,200}?\s["']?(?:[A-Za-z]:\\?\*?|\$env:(?:USERPROFILE|SystemRoot|windir|SystemDrive)\\?\*?|[A-Za-z]:\\Windows(?:\\System32)?\\?|%SystemRoot%\\?|%USERPROFILE%\\?)["']?(?=$|[\s;&|`'")])/i,
    score: 0.95,
    severity: "critical",
  },
  // the classic bash fork bomb :(){ :|:& };:
  {
    name: "FORK_BOMB",
    rule: "fork-bomb",
    pattern: /:\s{0,3}\(\s{0,3}\)\s{0,3}\{\s{0,3}:\s{0,3}\|\s{0,3}:\s{0,3}&\s{0,3}\}\s{0,3};?\s{0,3}:/,
    score: 0.95,
    severity: "high",
  },
  // a fork bomb with a named function: f() { f | f & }
  {
    name: "NAMED_FORK_BOMB",
    rule: "fork-bomb",
    pattern: /\b([A-Za-z_]\w{0,20})\s{0,3}\(\s{0,3}\)\s{0,3}\{\s{0,3}\1\s{0,3}\|\s{0,3}\1\s{0,3}&\s{0,3}\}/,
    score: 0.95,
    severity: "high",
  },
  // the Windows batch fork bomb %0|%0
  {
    name: "BATCH_FORK_BOMB",
    rule: "fork-bomb",
    pattern: /%0\s{0,3}\|\s{0,3}%0/,
    score: 0.9,
    severity: "high",
  },
  // an interactive shell wired to bash's /dev/tcp (bash -i >& /dev/tcp/h/p 0>&1)
  {
    name: "DEV_TCP_INTERACTIVE",
    rule: "reverse-shell",
    pattern:
      /\b(?:ba|z|k)?sh\s+-i\b[^\n]{0,100}?\/dev\/(?:tcp|udp)\/|\/dev\/(?:tcp|udp)\/[\w.-]{1,253}\/\d{1,5}[^\n]{0,40}?[0-2]?>&\s{0,2}[0-2]/,
    score: 0.97,
    severity: "critical",
  },
  // any use of bash's /dev/tcp/host/port (also used to probe ports: medium)
  {
    name: "DEV_TCP",
    rule: "reverse-shell",
    pattern: /\/dev\/(?:tcp|udp)\/[\w.-]{1,253}\/\d{1,5}/,
    score: 0.6,
    severity: "medium",
  },
  // netcat executing a shell for the remote side (nc -e /bin/sh)
  {
    name: "NETCAT_EXEC",
    rule: "reverse-shell",
    pattern:
      /\b(?:nc|ncat|netcat)\b[^\n|;&]{0,100}?\s-[a-zA-Z]{0,5}[ec]\s{0,3}["']?(?:\/bin\/|cmd|powershell|\w*sh\b)/,
    score: 0.97,
    severity: "critical",
  },
  // the named-pipe reverse shell (mkfifo, sh, nc)
  {
    name: "MKFIFO_SHELL",
    rule: "reverse-shell",
    pattern: /\bmkfifo\b[^\n]{0,200}?\b(?:sh|bash)\b[^\n]{0,200}?\b(?:nc|ncat|netcat|telnet|openssl)\b/,
    score: 0.95,
    severity: "critical",
  },
  // socat connecting a socket to a program (exec:)
  {
    name: "SOCAT_EXEC",
    rule: "reverse-shell",
    pattern: /\bsocat\b[^\n]{0,200}?\bexec:/i,
    score: 0.9,
    severity: "critical",
  },
  // Python, Perl, PHP or Ruby one-liners that connect a socket to a shell
  {
    name: "SCRIPT_SOCKET_SHELL",
    rule: "reverse-shell",
    pattern:
      /\bsocket\b[^\n]{0,300}?\b(?:connect|fsockopen|TCPSocket)\b[^\n]{0,300}?(?:\/bin\/(?:ba)?sh|subprocess|pty\.spawn|\bexec\b|dup2)/,
    score: 0.95,
    severity: "critical",
  },
  // PowerShell reverse shells build a Net.Sockets.TCPClient
  {
    name: "POWERSHELL_TCP_CLIENT",
    rule: "reverse-shell",
    pattern: /New-Object\s+(?:System\.)?Net\.Sockets\.TCPClient\b/i,
    score: 0.85,
    severity: "high",
  },
  // switches SELinux to permissive
  {
    name: "SETENFORCE_OFF",
    rule: "disable-security",
    pattern: /\bsetenforce\s+(?:0|Permissive)\b/i,
    score: 0.85,
    severity: "high",
  },
  // disables SELinux in its configuration
  {
    name: "SELINUX_DISABLED",
    rule: "disable-security",
    pattern: /\bSELINUX=(?:disabled|permissive)\b/,
    score: 0.8,
    severity: "high",
  },
  // flushes every firewall rule (iptables -F, nft flush ruleset)
  {
    name: "IPTABLES_FLUSH",
    rule: "disable-security",
    pattern: /\b(?:ip6?tables|nft)\s+(?:-t\s+\w{1,10}\s+)?(?:-F|--flush|flush\s+ruleset)\b/,
    score: 0.8,
    severity: "high",
  },
  // turns the host firewall or macOS protections off (ufw, netsh, spctl, csrutil)
  {
    name: "FIREWALL_OFF",
    rule: "disable-security",
    pattern:
      /\bufw\s+disable\b|\bnetsh\s+(?:adv)?firewall\s+set\s+\w{1,20}\s+state\s+off\b|\bspctl\s+--master-disable\b|\bcsrutil\s+disable\b/i,
    score: 0.85,
    severity: "high",
  },
  // stops or disables a firewall, audit, AppArmor or endpoint-security service
  {
    name: "STOP_SECURITY_SERVICE",
    rule: "disable-security",
    pattern:
      /\bsystemctl\s+(?:stop|disable|mask)\s+(?:--now\s+)?(?:firewalld|ufw|apparmor|auditd|fail2ban|clamav[\w-]{0,20}|falcon-sensor|osqueryd|wazuh-agent)\b/,
    score: 0.85,
    severity: "high",
  },
  // turns Microsoft Defender protections off
  {
    name: "DEFENDER_OFF",
    rule: "disable-security",
    pattern: /\bSet-MpPreference\b[^\n]{0,100}?-Disable\w{1,40}\s+(?:\$true|1)\b/i,
    score: 0.9,
    severity: "high",
  },
  // disables address-space layout randomisation
  {
    name: "ASLR_OFF",
    rule: "disable-security",
    pattern: /\becho\s+0\s*>\s*\/proc\/sys\/kernel\/randomize_va_space/,
    score: 0.8,
    severity: "high",
  },
  // PowerShell with a base64-encoded command, a common way to hide a payload
  {
    name: "POWERSHELL_ENCODED",
    rule: "encoded-command",
    pattern:
      /\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,200}?\s[-/](?:e|ec|enc|encodedcommand)\s+[A-Za-z0-9+/=]{20,}/i,
    score: 0.85,
    severity: "high",
  },
  // adds an SSH key for persistent access (also done legitimately: low score)
  {
    name: "AUTHORIZED_KEYS_APPEND",
    rule: "persistence",
    pattern: />>\s{0,3}["']?(?:~|\$\{?HOME\}?|\/root|\/home\/[\w.-]{1,32})\/\.ssh\/authorized_keys\b/,
    score: 0.55,
    severity: "medium",
  },
];
