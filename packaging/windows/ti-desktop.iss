; TI Desktop: the Windows installer (Inno Setup 6.3 or newer, https://jrsoftware.org/isinfo.php).
;
; Input: the PyInstaller one-folder bundle dist\ti-desktop\ (ti-desktop.exe and its _internal\ folder), built
; from packaging\ti-desktop.spec. packaging\build.ps1 passes the package version (pyproject.toml) on the command
; line, so the installer never carries a version of its own:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\ti-desktop.iss
;
; Output: dist\installer\ti-desktop-<version>-setup.exe.
;
; A per-user install by default: no administrator rights, installed in %LOCALAPPDATA%\Programs\TI Desktop
; ({autopf} when not elevated); the first page offers an install for all users to those who have the rights.
; Uninstalling removes the program, never the user's data (bases, backups, logs in %LOCALAPPDATA%\ti-desktop).

#ifndef AppVersion
  #error Passez la version du paquet : iscc /DAppVersion=0.1.0 packaging\windows\ti-desktop.iss
#endif
; The four-part number Windows shows in the file properties; build.ps1 may pass /DFileVersion for a pre-release.
#ifndef FileVersion
  #define FileVersion AppVersion
#endif
#define AppName "TI Desktop"
#define AppExeName "ti-desktop.exe"
; SourcePath is this script's folder (with a trailing backslash): the repository root is two levels up.
#define RepoRoot SourcePath + "..\.."

[Setup]
; Fixed forever: Windows recognises upgrades and the uninstaller by this identifier.
AppId={{C933ED20-C03A-46B1-A13E-3E0920D0AFF8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TI Desktop
AppCopyright=TI Desktop — licence GNU GPL v3 ou ultérieure
AppComments=Diagnostic, plan d'action, comités de pilotage et rapports d'un Territoire d'industrie
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Installation de {#AppName}
; Per-user install without administrator rights; "dialog" lets an administrator choose all users instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsedUserAreasWarning=no
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#RepoRoot}\LICENSE
SetupIconFile=ti-desktop.ico
UninstallDisplayIcon={app}\ti-desktop.ico
UninstallDisplayName={#AppName}
; Close a running TI Desktop before replacing its files (upgrade) and do not restart it behind the user's back.
CloseApplications=yes
RestartApplications=no
OutputDir={#RepoRoot}\dist\installer
OutputBaseFilename=ti-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#RepoRoot}\dist\ti-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "ti-desktop.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\ti-desktop.ico"; Comment: "Plan d'action et rapports d'un Territoire d'industrie"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\ti-desktop.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
