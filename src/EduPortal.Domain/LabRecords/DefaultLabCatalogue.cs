namespace EduPortal.Domain.LabRecords;

/// <summary>One row of the shipped experiment catalogue.</summary>
public sealed record CatalogueRow(LabSubject Subject, int Grade, string Code, string Name, LabKind Kind);

/// <summary>
/// The catalogue the city starts with (实验目录): the common student and demonstration experiments of the
/// national curriculum textbooks for primary science, junior physics, chemistry and biology, and senior physics,
/// chemistry and biology. Counties add their own entries; IT and general technology wait for their catalogue
/// (circular 000 §二.3: "通用技术、信息技术教师待实验目录完善后开展记录工作"), so they ship closed for recording
/// (<see cref="LabSubjectOpenings.OpenByDefault"/>) until an admin adds entries and opens them.
/// </summary>
public static class DefaultLabCatalogue
{
    private const LabKind G = LabKind.GroupExperiment;
    private const LabKind D = LabKind.Demonstration;

    public static IReadOnlyList<CatalogueRow> Rows { get; } = Build();

    private static List<CatalogueRow> Build()
    {
        var rows = new List<CatalogueRow>();
        void Add(LabSubject subject, int grade, string prefix, params (string Name, LabKind Kind)[] items)
        {
            for (var i = 0; i < items.Length; i++)
            {
                rows.Add(new CatalogueRow(subject, grade, $"{prefix}{grade}-{i + 1:00}", items[i].Name, items[i].Kind));
            }
        }

        Add(LabSubject.Science, 3, "科",
            ("观察植物的根茎叶", G), ("比较不同材料的吸水性", G), ("水的三态变化", D), ("测量水的温度", G),
            ("空气占据空间", G), ("用磁铁检验物体", G), ("声音是怎样产生的", G), ("观察蜗牛", G));
        Add(LabSubject.Science, 4, "科",
            ("种子的萌发", G), ("简单电路的连接", G), ("导体与绝缘体的检验", G), ("声音的高低与强弱", G),
            ("观察食物的消化", D), ("物体在水中的沉浮", G), ("岩石和矿物的特征", G), ("用温度计测水温变化", G));
        Add(LabSubject.Science, 5, "科",
            ("光的直线传播", G), ("光的反射", G), ("热的传导", G), ("测量摆的周期", G), ("制作小孔成像盒", G),
            ("观察霉菌的生长", G), ("地表的侵蚀模拟", D), ("物体的热胀冷缩", G));
        Add(LabSubject.Science, 6, "科",
            ("用显微镜观察洋葱表皮细胞", G), ("杠杆的科学", G), ("滑轮组的作用", G), ("电磁铁的磁力", G),
            ("物质的变化：小苏打与白醋", G), ("铁生锈的条件", G), ("月相变化模拟", D), ("制作简易电动机", G));

        Add(LabSubject.Physics, 8, "物",
            ("用刻度尺测量长度", G), ("测量平均速度", G), ("声音的产生与传播", D), ("用温度计测量水的温度", G),
            ("探究固体熔化时温度的变化规律", G), ("探究水沸腾时温度变化的特点", G), ("探究光反射时的规律", G),
            ("探究平面镜成像的特点", G), ("探究凸透镜成像的规律", G), ("用天平和量筒测量液体和固体的密度", G),
            ("探究重力的大小跟质量的关系", G), ("探究影响滑动摩擦力大小的因素", G), ("探究二力平衡的条件", G),
            ("探究影响压力作用效果的因素", G), ("研究液体内部的压强", G), ("大气压强的存在", D),
            ("探究浮力的大小跟哪些因素有关", G), ("探究杠杆的平衡条件", G), ("测量滑轮组的机械效率", G),
            ("探究动能的大小跟哪些因素有关", G));
        Add(LabSubject.Physics, 9, "物",
            ("比较不同物质吸热的情况", G), ("连接串联电路和并联电路", G), ("探究串联电路中各处电流的关系", G),
            ("探究并联电路中干路电流与各支路电流的关系", G), ("探究串联电路和并联电路中电压的特点", G),
            ("探究电流与电压、电阻的关系", G), ("伏安法测量电阻", G), ("测量小灯泡的电功率", G),
            ("探究电流热效应与电阻的关系", D), ("探究通电螺线管外部磁场的方向", G), ("电磁铁磁性强弱的影响因素", G),
            ("探究导体在磁场中运动时产生感应电流的条件", G), ("磁场对通电导线的作用", D), ("安全用电：家庭电路的组成", D));

        Add(LabSubject.Chemistry, 9, "化",
            ("蜡烛及其燃烧的探究", G), ("对人体吸入的空气和呼出的气体的探究", G), ("化学实验基本操作", G),
            ("测定空气里氧气的含量", D), ("氧气的实验室制取与性质", G), ("分子运动现象", D), ("水的电解", D),
            ("水的净化：过滤", G), ("质量守恒定律的验证", G), ("二氧化碳的实验室制取与性质", G),
            ("燃烧的条件", G), ("金属的物理性质和某些化学性质", G), ("铁钉锈蚀条件的探究", G),
            ("一定溶质质量分数的氯化钠溶液的配制", G), ("粗盐中难溶性杂质的去除", G), ("溶液酸碱性的检验", G),
            ("酸、碱的化学性质", G), ("中和反应", G), ("常见化肥的鉴别", G), ("燃烧与灭火", D));

        Add(LabSubject.Biology, 7, "生",
            ("练习使用显微镜", G), ("制作并观察植物细胞临时装片", G), ("制作并观察动物细胞临时装片", G),
            ("观察草履虫", G), ("观察植物的几种组织", G), ("探究非生物因素对某种动物的影响", G),
            ("观察种子的结构", G), ("探究种子萌发的环境条件", G), ("观察叶片的结构", G),
            ("绿叶在光下制造有机物", G), ("光合作用吸收二氧化碳释放氧气", D), ("植物的呼吸作用", D),
            ("测定某种食物中的能量", G), ("观察小鱼尾鳍内血液的流动", G), ("馒头在口腔中的变化", G),
            ("模拟膈肌运动", D));
        Add(LabSubject.Biology, 8, "生",
            ("观察蚯蚓", G), ("观察鲫鱼", G), ("探究鸟适于飞行的特点", D), ("检测不同环境中的细菌和真菌", G),
            ("观察酵母菌和霉菌", G), ("发酵现象", D), ("观察鸡卵的结构", G), ("模拟保护色的形成过程", G),
            ("精子与卵细胞随机结合的模拟", G), ("花生果实大小的变异", G), ("探究动物的绕道取食", G));

        Add(LabSubject.Physics, 10, "物",
            ("用打点计时器测速度", G), ("探究小车速度随时间变化的规律", G), ("探究弹簧弹力与形变量的关系", G),
            ("探究两个互成角度的力的合成规律", G), ("探究加速度与力、质量的关系", G), ("探究平抛运动的特点", G),
            ("探究向心力大小与半径、角速度、质量的关系", G), ("验证机械能守恒定律", G), ("观察电容器的充、放电现象", D),
            ("长度的测量及测量工具的选用", G), ("测量金属丝的电阻率", G), ("测量电源的电动势和内阻", G),
            ("用多用电表测量电学中的物理量", G));
        Add(LabSubject.Physics, 11, "物",
            ("验证动量守恒定律", G), ("用单摆测量重力加速度的大小", G), ("测量玻璃的折射率", G),
            ("用双缝干涉测量光的波长", G), ("探究影响感应电流方向的因素", G), ("探究变压器原、副线圈电压与匝数的关系", G),
            ("利用传感器制作简单的自动控制装置", G), ("用油膜法估测油酸分子的大小", G), ("探究气体压强与体积的关系", G));

        Add(LabSubject.Chemistry, 10, "化",
            ("配制一定物质的量浓度的溶液", G), ("铁及其化合物的性质", G), ("同周期、同主族元素性质的递变", G),
            ("钠与水的反应", D), ("氯气的性质", D), ("化学反应速率的影响因素", G), ("化学能转化成电能", G),
            ("不同价态含硫物质的转化", G), ("乙醇、乙酸的主要性质", G), ("搭建球棍模型认识有机化合物分子结构", G),
            ("用化学沉淀法去除粗盐中的杂质离子", G));
        Add(LabSubject.Chemistry, 11, "化",
            ("简单的电镀实验", G), ("制作简单的燃料电池", G), ("探究影响化学平衡移动的因素", G),
            ("强酸与强碱的中和滴定", G), ("盐类水解的应用", G), ("简单配合物的形成", G), ("乙酸乙酯的制备与性质", G),
            ("有机化合物中常见官能团的检验", G), ("糖类的性质", G));

        Add(LabSubject.Biology, 10, "生",
            ("检测生物组织中的糖类、脂肪和蛋白质", G), ("使用高倍显微镜观察几种细胞", G),
            ("用高倍显微镜观察叶绿体和细胞质的流动", G), ("探究植物细胞的吸水和失水", G), ("探究影响酶活性的条件", G),
            ("探究酵母菌细胞呼吸的方式", G), ("绿叶中色素的提取和分离", G), ("观察根尖分生区组织细胞的有丝分裂", G),
            ("观察蝗虫精母细胞减数分裂装片", G), ("制作DNA双螺旋结构模型", G), ("低温诱导植物细胞染色体数目的变化", G));
        Add(LabSubject.Biology, 11, "生",
            ("模拟生物体维持pH的稳定", G), ("探索生长素类调节剂促进插条生根的最适浓度", G),
            ("探究培养液中酵母菌种群数量的变化", G), ("研究土壤中小动物类群的丰富度", G), ("设计制作生态缸", G),
            ("DNA的粗提取与鉴定", G), ("微生物的选择培养和计数", G), ("果酒和果醋的制作", G));
        return rows;
    }
}
