cmake_minimum_required(VERSION 3.25)
# cmake -P script: fails when BINARY links SQLCipher, dynamically (a NEEDED entry) or
# statically (SQLCipher's own symbols). The server uses QtSql's SQLite; two SQLite builds in
# one process is undefined behaviour (docs/architecture.md).
if(NOT BINARY OR NOT EXISTS "${BINARY}")
  message(FATAL_ERROR "usage: cmake -DBINARY=path -P CheckNoSqlCipher.cmake")
endif()
find_program(READELF readelf REQUIRED)
execute_process(COMMAND ${READELF} --dynamic --wide "${BINARY}" OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf failed on ${BINARY}")
endif()
execute_process(COMMAND ${READELF} --syms --wide "${BINARY}" OUTPUT_VARIABLE symbols)
if(dynamic MATCHES "NEEDED[^\n]*sqlcipher" OR symbols MATCHES "sqlcipher_|sqlite3_key")
  message(FATAL_ERROR "${BINARY} links SQLCipher; the server must use QtSql's SQLite only")
endif()
