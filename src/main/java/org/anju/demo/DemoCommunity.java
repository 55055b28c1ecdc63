package org.anju.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.anju.shared.IdNumber;
import org.jspecify.annotations.Nullable;

/**
 * Generates the people of a demo community like the article's 岳化 community: six areas of
 * ten grids, fifteen buildings a grid, about 50,000 people, with the interest groups in
 * the article's proportions (about 11,000 retirees and trustee-managed staff). The same
 * seed gives the same community.
 */
final class DemoCommunity {

	static final List<String> AREAS = List.of("岳化片区", "长岭片区", "云溪片区", "路口片区", "洞庭片区", "八字门片区");

	static final int GRIDS_PER_AREA = 10;

	static final int BUILDINGS_PER_GRID = 15;

	static final int UNITS = 2;

	static final int FLOORS = 6;

	static final int ROOMS_PER_FLOOR = 2;

	/**
	 * Interest group name → how many people of 50,000 belong to it, after the article.
	 */
	static final Map<String, Integer> GROUPS = new LinkedHashMap<>();

	static {
		GROUPS.put("离休", 50);
		GROUPS.put("退休", 7000);
		GROUPS.put("内部退养", 1200);
		GROUPS.put("托管集体企业退休", 900);
		GROUPS.put("改制企业退休", 700);
		GROUPS.put("学校医院剥离退休", 500);
		GROUPS.put("协解", 800);
		GROUPS.put("协解退休", 500);
		GROUPS.put("离岗调研", 100);
		GROUPS.put("离岗休养", 150);
		GROUPS.put("歇岗", 200);
		GROUPS.put("在岗职工", 12000);
		GROUPS.put("家属/居民", 25900);
	}

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强志明海燕红梅玉兰春花德华国庆卫东爱国淑珍凤英桂芝秀珍玉珍丽华文华建平小红小明晓东晓燕金凤银花永红永明立新跃进红军新民振华光荣胜利学军";

	private static final String[] UNITS_OF_WORK = { "岳阳石化总厂", "巴陵石化公司", "长岭炼化", "岳化化工厂", "岳化机修厂", "岳化热电厂", "岳化子弟学校",
			"岳化职工医院", "岳化建安公司", "岳化运输公司", "己内酰胺部", "橡胶部" };

	private static final String[] REGIONS = { "430602", "430603", "430611", "430621", "430681", "430682" };

	private final Random random;

	private final Set<String> idNumbers = new HashSet<>();

	DemoCommunity(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * @return about {@code size} people, spread over the rooms of the community
	 */
	List<DemoPerson> people(int size) {
		List<String> groups = new ArrayList<>();
		GROUPS.forEach((group, count) -> {
			long scaled = Math.round(count * (size / 50_000.0));
			for (int i = 0; i < scaled; i++) {
				groups.add(group);
			}
		});
		Collections.shuffle(groups, this.random);
		List<DemoPerson> people = new ArrayList<>(groups.size());
		for (String group : groups) {
			people.add(person(group));
		}
		return people;
	}

	private DemoPerson person(String group) {
		LocalDate birth = birthDate(group);
		String id = idNumber(birth);
		String name = SURNAMES.charAt(this.random.nextInt(SURNAMES.length())) + given();
		String extraGroup = (group.equals("协解退休") || group.equals("退休")) && this.random.nextInt(20) == 0 ? "离岗休养"
				: null;
		int area = this.random.nextInt(AREAS.size());
		int grid = this.random.nextInt(GRIDS_PER_AREA) + 1;
		int building = this.random.nextInt(BUILDINGS_PER_GRID) + 1;
		int unit = this.random.nextInt(UNITS) + 1;
		int floor = this.random.nextInt(FLOORS) + 1;
		int room = floor * 100 + this.random.nextInt(ROOMS_PER_FLOOR) + 1;
		String formerUnit = group.equals("家属/居民") ? null : UNITS_OF_WORK[this.random.nextInt(UNITS_OF_WORK.length)];
		return new DemoPerson(name, id, phone(), (extraGroup != null) ? List.of(group, extraGroup) : List.of(group),
				AREAS.get(area), "第" + grid + "网格", building + "栋", unit + "单元", Integer.toString(room), formerUnit);
	}

	private LocalDate birthDate(String group) {
		int from;
		int to;
		switch (group) {
			case "离休" -> {
				from = 1926;
				to = 1932;
			}
			case "退休", "托管集体企业退休", "改制企业退休", "学校医院剥离退休", "协解退休" -> {
				from = 1936;
				to = 1965;
			}
			case "内部退养", "离岗调研", "离岗休养", "歇岗" -> {
				from = 1966;
				to = 1975;
			}
			case "协解" -> {
				from = 1966;
				to = 1980;
			}
			case "在岗职工" -> {
				from = 1970;
				to = 2003;
			}
			default -> {
				from = 1940;
				to = 2022;
			}
		}
		return LocalDate.of(from, 1, 1).plusDays(this.random.nextInt((to - from + 1) * 365));
	}

	private String given() {
		int length = (this.random.nextInt(3) == 0) ? 1 : 2;
		StringBuilder given = new StringBuilder();
		for (int i = 0; i < length; i++) {
			given.append(GIVEN.charAt(this.random.nextInt(GIVEN.length())));
		}
		return given.toString();
	}

	private String idNumber(LocalDate birth) {
		while (true) {
			String body = REGIONS[this.random.nextInt(REGIONS.length)] + birth.toString().replace("-", "")
					+ String.format("%03d", this.random.nextInt(1000));
			String id = body + IdNumber.checkCharacter(body);
			if (this.idNumbers.add(id)) {
				return id;
			}
		}
	}

	private String phone() {
		int kind = this.random.nextInt(10);
		if (kind == 0) {
			return "";
		}
		if (kind <= 2) {
			return "0730-8" + String.format("%06d", this.random.nextInt(1_000_000));
		}
		String[] prefixes = { "130", "133", "135", "136", "138", "139", "150", "151", "158", "173", "177", "180", "186",
				"189", "199" };
		return prefixes[this.random.nextInt(prefixes.length)] + String.format("%08d", this.random.nextInt(100_000_000));
	}

	/**
	 * One person of the demo community, as a roster row names them.
	 */
	record DemoPerson(String name, String idNumber, String phone, List<String> groups, String area, String grid,
			String building, String unit, String room, @Nullable String formerUnit) {
	}

}
