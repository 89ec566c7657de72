# Sourced by ./mvnw before Maven starts: make JAVA_HOME point at a JDK 25 or newer.
# Order: JAVA_HOME if it is already 25+, then the usual install places. If none is found,
# stop with a message that says what to install and what to set.

mnemo_java_feature() { # prints the feature release of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

mnemo_find_jdk() {
  set +f # mvnw runs with globbing off; the search below needs it
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(mnemo_java_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then return 0; fi
    mnemo_old_java_home="$JAVA_HOME ($v)"
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/* \
                   /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    v=$(mnemo_java_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      JAVA_HOME="$candidate"; export JAVA_HOME
      [ -z "${mnemo_old_java_home-}" ] || echo "mvnw: JAVA_HOME=$mnemo_old_java_home is older than 25; using $JAVA_HOME" >&2
      return 0
    fi
  done
  cat >&2 <<MSG
mvnw: Mnemo needs a JDK 25 or newer (Vector API, FFM) and none was found.
  Looked at: JAVA_HOME${mnemo_old_java_home:+=$mnemo_old_java_home}, /usr/lib/jvm/*, /opt/java/*, ~/.sdkman, ~/.jdks
  Install one (Debian/Ubuntu: apt-get install temurin-25-jdk from https://packages.adoptium.net,
  or any JDK 25 build) and set JAVA_HOME to it, e.g.
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
MSG
  exit 1
}

mnemo_find_jdk
set -f
