@echo off
rem zjlearn launcher for Windows: builds the jar on first use (or when a source is newer), then runs it.
setlocal EnableExtensions
chcp 65001 >nul
set "HERE=%~dp0.."
set "JAR=%HERE%\target\zjlearn.jar"
set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not defined BUILD (
  for /f "delims=" %%F in ('powershell -NoProfile -Command "$j=(Get-Item '%JAR%').LastWriteTime; @(Get-ChildItem -Recurse -File '%HERE%\src\main'; Get-Item '%HERE%\pom.xml','%HERE%\rules.yaml') | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1 -ExpandProperty FullName"') do set "BUILD=1"
)
if defined BUILD (
  where mvn >nul 2>nul || (
    echo zjlearn：需要先安装 Java 17 和 Maven（mvn）才能构建。 1>&2
    exit /b 2
  )
  echo zjlearn：正在构建，请稍候…… 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests package > "%HERE%\target-build.log" 2>&1
  if errorlevel 1 (
    popd
    echo zjlearn：构建失败，详见 %HERE%\target-build.log 1>&2
    exit /b 4
  )
  popd
  del "%HERE%\target-build.log" >nul 2>nul
)
java -Xmx1g -Xms32m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
