package org.anju.open311;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.jayway.jsonpath.JsonPath;
import org.anju.shared.Fingerprint;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An outside body speaks Open311 GeoReport v2 to Anju the way FixMyStreet or a city's
 * hotline does: it reads the services, sends a request with its key, and follows it to
 * the reply, in JSON and in XML; nobody else's key sees it.
 */
@AnjuSpringTest
class GeoReportTests {

	private static final String BASE = "/open311/v2";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	Departments departments;

	ApiCallers callers;

	String admin;

	@BeforeEach
	void signIn() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
	}

	@Test
	void discoveryAndServicesReadTheSameInJsonAndXml() throws Exception {
		MockHttpServletResponse discovery = open(get(BASE + "/discovery.json").param("jurisdiction_id", "1"));
		assertThat(discovery.getStatus()).isEqualTo(200);
		assertThat(discovery.getContentType()).startsWith("application/json");
		assertThat((String) JsonPath.read(content(discovery), "$.endpoints[0].specification"))
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat((String) JsonPath.read(content(discovery), "$.endpoints[0].url")).endsWith("/open311/v2");
		assertThat((List<String>) JsonPath.read(content(discovery), "$.endpoints[0].formats"))
			.containsExactly("text/xml", "application/json");
		Document discoveryXml = xml(open(get(BASE + "/discovery.xml").param("jurisdiction_id", "1")));
		assertThat(text(discoveryXml, "/discovery/endpoints/endpoint/specification"))
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(text(discoveryXml, "/discovery/changeset"))
			.isEqualTo(JsonPath.read(content(discovery), "$.changeset"));

		MockHttpServletResponse services = open(get(BASE + "/services.json").param("jurisdiction_id", "1"));
		assertThat(services.getStatus()).isEqualTo(200);
		String pension = "$[?(@.service_code == 'PENSION')]";
		assertThat((List<String>) JsonPath.read(content(services), pension + ".service_name")).containsExactly("养老金");
		assertThat((List<String>) JsonPath.read(content(services), pension + ".group")).containsExactly("工资福利待遇");
		assertThat((List<Boolean>) JsonPath.read(content(services), pension + ".metadata")).containsExactly(false);
		assertThat((List<String>) JsonPath.read(content(services), pension + ".type")).containsExactly("realtime");
		Document servicesXml = xml(
				open(get(BASE + "/services.xml").param("jurisdiction_id", "1").header("Accept-Language", "en")));
		assertThat(text(servicesXml, "/services/service[service_code='PENSION']/service_name")).isEqualTo("Pensions");
		assertThat(count(servicesXml, "/services/service"))
			.isEqualTo(((List<?>) JsonPath.read(content(services), "$")).size());

		MockHttpServletResponse definition = open(get(BASE + "/services/PENSION.json").param("jurisdiction_id", "1"));
		assertThat((String) JsonPath.read(content(definition), "$.service_code")).isEqualTo("PENSION");
		assertThat((List<?>) JsonPath.read(content(definition), "$.attributes")).isEmpty();
		Document definitionXml = xml(open(get(BASE + "/services/PENSION.xml").param("jurisdiction_id", "1")));
		assertThat(text(definitionXml, "/service_definition/service_code")).isEqualTo("PENSION");

		MockHttpServletResponse unknown = open(
				get(BASE + "/services/NO_SUCH_SERVICE.xml").param("jurisdiction_id", "1"));
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(text(xml(unknown), "/errors/error/code")).isEqualTo("404");
		assertThat(text(xml(unknown), "/errors/error/description")).contains("NO_SUCH_SERVICE");
	}

	@Test
	void aPostedRequestIsAnOpen311AppealThatOnlyItsKeySees() throws Exception {
		String key = issue("街道" + RegistryFixtures.unique("办"));
		String other = issue("热线" + RegistryFixtures.unique("12345"));
		String description = RegistryFixtures.unique("楼道灯坏了一个星期");

		MockHttpServletResponse created = open(
				post(BASE + "/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.param("api_key", key)
					.param("service_code", "PENSION")
					.param("first_name", "伟")
					.param("last_name", "张")
					.param("phone", "13912345678")
					.param("address_string", "3号楼2单元")
					.param("lat", "39.9087")
					.param("long", "116.3975")
					.param("description", description)
					.param("media_url", "https://example.org/photo.jpg"));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		String id = JsonPath.read(content(created), "$[0].service_request_id");
		assertThat(id).matches("\\d{4}-\\d{6}");
		assertThat((String) JsonPath.read(content(created), "$[0].service_notice")).contains(id);
		assertThat(created.getHeader("Location")).isEqualTo(BASE + "/requests/" + id + ".json");
		Map<String, Object> appeal = this.jdbc.sql(
				"select channel, caller_name, caller_phone, description from appeal where community_id = 1 and number = :n")
			.param("n", id)
			.query()
			.singleRow();
		assertThat(appeal).containsEntry("channel", "OPEN311")
			.containsEntry("caller_name", "张伟")
			.containsEntry("caller_phone", "13912345678");
		assertThat((String) appeal.get("description")).startsWith(description).contains("3号楼2单元");

		MockHttpServletResponse mine = open(get(BASE + "/requests/" + id + ".json").param("api_key", key));
		assertThat(mine.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(content(mine), "$[0].status")).isEqualTo("open");
		assertThat((String) JsonPath.read(content(mine), "$[0].service_code")).isEqualTo("PENSION");
		assertThat((String) JsonPath.read(content(mine), "$[0].address")).isEqualTo("3号楼2单元");
		assertThat((Double) JsonPath.read(content(mine), "$[0].lat")).isEqualTo(39.9087);
		assertThat((String) JsonPath.read(content(mine), "$[0].requested_datetime"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
		assertThat((String) JsonPath.read(content(mine), "$[0].expected_datetime")).endsWith("T00:00:00+08:00");
		Document mineXml = xml(open(get(BASE + "/requests/" + id + ".xml").param("api_key", key)));
		assertThat(text(mineXml, "/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(text(mineXml, "/service_requests/request/status")).isEqualTo("open");

		MockHttpServletResponse list = open(get(BASE + "/requests.json").param("api_key", key));
		assertThat((List<String>) JsonPath.read(content(list), "$[*].service_request_id")).contains(id);

		MockHttpServletResponse theirs = open(get(BASE + "/requests/" + id + ".json").param("api_key", other));
		assertThat(theirs.getStatus()).isEqualTo(404);
		assertThat((Integer) JsonPath.read(content(theirs), "$[0].code")).isEqualTo(404);
		MockHttpServletResponse theirList = open(
				get(BASE + "/requests.json").param("api_key", other).param("service_request_id", id));
		assertThat(theirList.getStatus()).isEqualTo(200);
		assertThat((List<?>) JsonPath.read(content(theirList), "$")).isEmpty();
	}

	@Test
	void aMissingInvalidOrRevokedKeyIsRefusedWith403InTheSpecsFormat() throws Exception {
		MockHttpServletResponse missing = open(post(BASE + "/requests.json").param("service_code", "PENSION")
			.param("address_string", "1号楼")
			.param("description", "没有密钥")
			.param("first_name", "伟")
			.param("last_name", "张"));
		assertThat(missing.getStatus()).isEqualTo(403);
		assertThat((Integer) JsonPath.read(content(missing), "$[0].code")).isEqualTo(403);
		assertThat((String) JsonPath.read(content(missing), "$[0].description")).contains("api_key");
		assertThat(open(get(BASE + "/requests.json")).getStatus()).as("GET needs a key too").isEqualTo(403);

		MockHttpServletResponse invalid = open(request("1.not-a-key"));
		assertThat(invalid.getStatus()).isEqualTo(403);
		MockHttpServletResponse invalidXml = open(get(BASE + "/requests.xml").param("api_key", "1.not-a-key"));
		assertThat(invalidXml.getStatus()).isEqualTo(403);
		assertThat(invalidXml.getContentType()).startsWith("text/xml");
		assertThat(text(xml(invalidXml), "/errors/error/code")).isEqualTo("403");

		String name = RegistryFixtures.unique("社区医院");
		MockHttpServletResponse issued = issueResponse(name);
		String key = JsonPath.read(content(issued), "$.apiKey");
		assertThat(open(request(key)).getStatus()).isEqualTo(201);
		long keyId = ((Number) JsonPath.read(content(issued), "$.id")).longValue();
		MockHttpServletResponse revoked = this.callers
			.perform(bearer(post("/api/v1/open311/keys/{id}/revoke", keyId), this.admin));
		assertThat(revoked.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(content(revoked), "$.revokedAt")).isNotNull();
		assertThat(open(request(key)).getStatus()).isEqualTo(403);
		assertThat(open(get(BASE + "/requests.json").param("api_key", key)).getStatus()).isEqualTo(403);
		assertThat(
				this.callers.perform(bearer(post("/api/v1/open311/keys/{id}/revoke", keyId), this.admin)).getStatus())
			.as("a second revocation")
			.isEqualTo(409);
	}

	@Test
	void anUnknownServiceIs404AndEveryOtherProblemIsListedUnder400() throws Exception {
		String key = issue(RegistryFixtures.unique("街道"));
		MockHttpServletResponse unknown = open(request(key).param("service_code", "NO_SUCH_SERVICE"));
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat((String) JsonPath.read(content(unknown), "$[0].description")).contains("NO_SUCH_SERVICE");

		MockHttpServletResponse incomplete = open(post(BASE + "/requests.xml").param("api_key", key)
			.param("service_code", "PENSION")
			.param("lat", "200")
			.param("long", "116.4"));
		assertThat(incomplete.getStatus()).isEqualTo(400);
		Document errors = xml(incomplete);
		assertThat(count(errors, "/errors/error")).as("bad coordinates, no description, no name").isEqualTo(3);

		MockHttpServletResponse badPhone = open(request(key).param("phone", "12"));
		assertThat(badPhone.getStatus()).isEqualTo(400);
		assertThat((String) JsonPath.read(content(badPhone), "$[0].description")).startsWith("phone: ");
		MockHttpServletResponse badStatus = open(
				get(BASE + "/requests.json").param("api_key", key).param("status", "pending"));
		assertThat(badStatus.getStatus()).isEqualTo(400);
		MockHttpServletResponse tooWide = open(get(BASE + "/requests.json").param("api_key", key)
			.param("start_date", "2026-01-01T00:00:00Z")
			.param("end_date", "2026-06-01T00:00:00+08:00"));
		assertThat(tooWide.getStatus()).isEqualTo(400);
		MockHttpServletResponse token = open(get(BASE + "/tokens/12345.json").param("jurisdiction_id", "1"));
		assertThat(token.getStatus()).isEqualTo(404);
		assertThat((Integer) JsonPath.read(content(token), "$[0].code")).isEqualTo(404);
	}

	@Test
	void aResolvedAppealReadsClosedWithTheReplyAsItsStatusNotes() throws Exception {
		String key = issue(RegistryFixtures.unique("12345热线"));
		String id = JsonPath.read(content(open(request(key))), "$[0].service_request_id");
		long appealId = this.jdbc.sql("select id from appeal where community_id = 1 and number = :n")
			.param("n", id)
			.query(Long.class)
			.single();
		String reply = RegistryFixtures.unique("已补发养老金");
		act(appealId, "assign", Map.of("departmentCode", "RETIREE_AFFAIRS"));
		act(appealId, "accept", Map.of());
		act(appealId, "resolve", Map.of("reply", reply));

		MockHttpServletResponse closed = open(get(BASE + "/requests/" + id + ".json").param("api_key", key));
		assertThat((String) JsonPath.read(content(closed), "$[0].status")).isEqualTo("closed");
		assertThat((String) JsonPath.read(content(closed), "$[0].status_notes")).isEqualTo(reply);
		assertThat((String) JsonPath.read(content(closed), "$[0].agency_responsible"))
			.isEqualTo(this.departments.find(RegistryFixtures.COMMUNITY, "RETIREE_AFFAIRS").orElseThrow().nameZh());
		assertThat((String) JsonPath.read(content(closed), "$[0].updated_datetime"))
			.isGreaterThanOrEqualTo(JsonPath.read(content(closed), "$[0].requested_datetime"));
		assertThat((List<String>) JsonPath.read(
				content(open(get(BASE + "/requests.json").param("api_key", key).param("status", "closed"))),
				"$[*].service_request_id"))
			.containsExactly(id);
		assertThat((List<String>) JsonPath.read(
				content(open(get(BASE + "/requests.json").param("api_key", key).param("status", "open"))),
				"$[*].service_request_id"))
			.isEmpty();
	}

	@Test
	void onlyAnAdministratorIssuesKeysAndOnlyTheirDigestIsStored() throws Exception {
		UserAccount leader = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null,
				null);
		String leaderToken = this.callers.firstLogin(leader, RegistryFixtures.FIRST_PASSWORD);
		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/open311/keys"), leaderToken).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("name", "不该发"))));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(this.callers.perform(bearer(get("/api/v1/open311/keys"), leaderToken)).getStatus()).isEqualTo(403);

		String name = RegistryFixtures.unique("街道办");
		MockHttpServletResponse issued = issueResponse(name);
		assertThat(issued.getStatus()).isEqualTo(201);
		String key = JsonPath.read(content(issued), "$.apiKey");
		long id = ((Number) JsonPath.read(content(issued), "$.id")).longValue();
		assertThat(key).startsWith("1.");
		assertThat(issued.getHeader("Location")).isEqualTo("/api/v1/open311/keys/" + id);
		String stored = this.jdbc.sql("select key_hash from open311_key where community_id = 1 and id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(key).isEqualTo(Fingerprint.of(key).hex()).hasSize(64);
		String list = content(this.callers.perform(bearer(get("/api/v1/open311/keys"), this.admin)));
		assertThat(list).contains(name).doesNotContain(key).doesNotContain("apiKey");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'OPEN311_KEY_ISSUED'
				  and subject_id = :id
				""").param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(issueResponse(name).getStatus()).as("one live key per body").isEqualTo(409);
	}

	@Test
	void aKeyThatSendsMoreThanSixtyRequestsAMinuteIsToldToWait() throws Exception {
		String key = issue(RegistryFixtures.unique("批量"));
		for (int i = 0; i < 60; i++) {
			assertThat(open(request(key)).getStatus()).as("request %d", i + 1).isEqualTo(201);
		}
		MockHttpServletResponse throttled = open(request(key));
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat((Integer) JsonPath.read(content(throttled), "$[0].code")).isEqualTo(429);
		assertThat(open(request(issue(RegistryFixtures.unique("另一家")))).getStatus()).as("another key is not held back")
			.isEqualTo(201);
	}

	/**
	 * A complete request with a caller, in JSON: 张伟 writes about his pension.
	 */
	private static MockHttpServletRequestBuilder request(String key) {
		return post(BASE + "/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", key)
			.param("service_code", "PENSION")
			.param("address_string", "5号楼1单元")
			.param("first_name", "伟")
			.param("last_name", "张")
			.param("phone", "13912345678")
			.param("description", "养老金本月没有到账");
	}

	private String issue(String name) {
		MockHttpServletResponse issued = issueResponse(name);
		assertThat(issued.getStatus()).as(content(issued)).isEqualTo(201);
		return JsonPath.read(content(issued), "$.apiKey");
	}

	private MockHttpServletResponse issueResponse(String name) {
		return this.callers
			.perform(bearer(post("/api/v1/open311/keys"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("name", name))));
	}

	private void act(long id, String action, Map<String, Object> body) {
		String appeal = content(this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), this.admin)));
		String version = String.valueOf((Object) JsonPath.read(appeal, "$.version"));
		MockHttpServletResponse done = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/{action}", id, action), this.admin).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(done.getStatus()).as(action + ": " + content(done)).isEqualTo(200);
	}

	private MockHttpServletResponse open(MockHttpServletRequestBuilder request) {
		return this.callers.perform(request);
	}

	private static Document xml(MockHttpServletResponse response) throws Exception {
		assertThat(response.getContentType()).startsWith("text/xml");
		String text = content(response);
		assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static int count(Document document, String path) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODESET))
			.getLength();
	}

	private static String text(Document document, String path) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(path, document);
	}

}
