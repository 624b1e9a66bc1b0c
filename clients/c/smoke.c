/*
 * The generated C client (openapi-generator `c`, JSON only) against the emulator, as a C user
 * would call it: Create Session, Attach Session, Close Session (SOA, JSON documented), then
 * Get Job for a job that does not exist (a scheduler operation: with `--json-extension` the
 * emulator answers it in JSON). Usage: smoke BASE_URL USER PASSWORD. Prints N/N; exit 0 only
 * when every step passes. Built by generator/other_langs.sh against the generated library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/JobsAPI.h"
#include "api/SessionsAPI.h"

#define API_VERSION "2012-11-01.4.0"

static int passed, ran;

static void step(const char *name, int ok, long status) {
  ran++;
  passed += ok != 0;
  printf("%s  %s (HTTP %ld)\n", ok ? "PASS" : "FAIL", name, status);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s BASE_URL USER PASSWORD\n", argv[0]);
    return 2;
  }
  apiClient_setupGlobalEnv();
  apiClient_t *client = apiClient_create_with_base_path(argv[1], NULL);
  client->username = strdup(argv[2]);
  client->password = strdup(argv[3]);
  char start[512];
  snprintf(start, sizeof start, "{\"ServiceName\": \"EchoService\", \"Username\": \"%s\", \"Password\": \"%s\"}",
           argv[2], argv[3]);
  cJSON *json = cJSON_Parse(start);
  web_session_start_info_t *info = web_session_start_info_parseFromJSON(json);
  cJSON_Delete(json);
  int durable = 0, session_id = 0;

  web_session_info_t *created = SessionsAPI_createSession(client, API_VERSION, &durable, info);
  session_id = created && created->id ? *created->id : 0;
  step("Create Session", client->response_code == 201 && session_id > 0, client->response_code);
  web_session_info_t *attached = SessionsAPI_attachSession(client, API_VERSION, &durable, &session_id);
  step("Attach Session", client->response_code == 200 && attached && attached->id && *attached->id == session_id,
       client->response_code);
  SessionsAPI_closeSession(client, API_VERSION, &session_id);
  step("Close Session", client->response_code == 200, client->response_code);
  int missing = 987654;
  list_t *props = JobsAPI_getJob(client, &missing, API_VERSION, NULL, 0);
  step("Get Job (missing): 404", client->response_code == 404 && props == NULL, client->response_code);

  if (created) web_session_info_free(created);
  if (attached) web_session_info_free(attached);
  web_session_start_info_free(info);
  apiClient_free(client);
  apiClient_unsetupGlobalEnv();
  printf("C smoke: %d/%d steps passed\n", passed, ran);
  return passed == ran && ran == 4 ? 0 : 1;
}
